package org.agora.accountability;

import org.agora.shared.PublicPages;
import java.util.List;

/** Read-only view, for the sitemap, of the public pages « Ce que sont devenues vos propositions ». */
public interface BreakdownCatalog extends PublicPages {

    /** The breakdown page of every public process with proposals and the list of each of its destinations. */
    List<String> publicPaths();
}
