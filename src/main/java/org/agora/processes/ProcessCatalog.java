package org.agora.processes;

import java.util.List;
import java.util.Optional;

/** Read-only view of published processes for other modules (home page, sitemap). */
public interface ProcessCatalog {

    /** Published processes that are open now or coming next, most relevant first. */
    List<ProcessCard> current(int limit);

    /** Slugs of every publicly visible process (published or closed). */
    List<String> publishedSlugs();

    /** A publicly visible process (published or closed) with its texts, for indexing; empty for a draft or unknown id. */
    Optional<PublicProcess> findPublic(ProcessId id);

    /** Every publicly visible process with its texts. */
    List<PublicProcess> allPublic();
}
