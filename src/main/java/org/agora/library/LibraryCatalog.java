package org.agora.library;

import org.agora.shared.PublicPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agora.shared.Excerpts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the library published, for other modules (the newsletter suggests recent initiatives and resources). */
@Service
public class LibraryCatalog implements PublicPages {

    private final Initiatives initiatives;
    private final Resources resources;

    LibraryCatalog(Initiatives initiatives, Resources resources) {
        this.initiatives = initiatives;
        this.resources = resources;
    }

    /**
     * Initiatives and resources published at or after {@code since}, newest first, at most {@code limit} in all.
     * Summaries are cut to 300 characters on one line.
     */
    @Transactional(readOnly = true)
    public List<LibraryItem> recentlyPublished(Instant since, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<LibraryItem> items = new ArrayList<>();
        for (InitiativeView initiative : initiatives.publishedSince(since, limit)) {
            items.add(new LibraryItem(LibraryItem.INITIATIVE, initiative.id(), initiative.title(),
                    Excerpts.of(initiative.summary(), 300), initiative.path(), initiative.publishedAt()));
        }
        for (ResourceView resource : resources.publishedSince(since, limit)) {
            items.add(new LibraryItem(LibraryItem.RESOURCE, resource.id(), resource.title(),
                    Excerpts.of(resource.summary(), 300), resource.path(), resource.publishedAt()));
        }
        items.sort(Comparator.comparing(LibraryItem::publishedAt).reversed()
                .thenComparing(LibraryItem::kind).thenComparing(Comparator.comparingLong(LibraryItem::id).reversed()));
        return List.copyOf(items.subList(0, Math.min(limit, items.size())));
    }

    /** The library's public pages for the sitemap: its lists and every published initiative and resource. */
    @Transactional(readOnly = true)
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/initiatives", "/initiatives/territoires", "/ressources", "/reseau"));
        initiatives.published(null, null, null, List.of()).forEach(initiative -> paths.add(initiative.path()));
        resources.published(null, null, List.of()).forEach(resource -> paths.add(resource.path()));
        return paths;
    }
}
