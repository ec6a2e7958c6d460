package org.agora.processes;

import java.util.List;

/** Read-only view of published processes for other modules (home page, sitemap). */
public interface ProcessCatalog {

    /** Published processes that are open now or coming next, most relevant first. */
    List<ProcessCard> current(int limit);

    /** Slugs of every publicly visible process (published or closed). */
    List<String> publishedSlugs();
}
