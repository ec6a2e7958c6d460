package org.agora.shared;

import java.util.List;

/**
 * The public pages a module offers, as paths from the site's root ("/panels/loiret"). The sitemap collects every bean
 * of this type, so a module lists its pages without the site module knowing it.
 */
public interface PublicPages {

    List<String> publicPaths();
}
