package org.agora.newsletter;

import org.agora.shared.PublicPages;
import java.util.List;

/** Read-only view of the newsletter's public pages, for the sitemap. */
public interface NewsletterArchive extends PublicPages {

    /** The subscription page, the archive and every sent edition's page. */
    List<String> publicPaths();
}
