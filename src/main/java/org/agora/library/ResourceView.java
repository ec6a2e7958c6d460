package org.agora.library;

import java.time.Instant;
import java.util.List;

/** One resource as the pages show it; unpublished ones are seen by staff only. */
record ResourceView(long id, String title, String summary, ResourceKind kind, String videoUrl, Instant createdAt,
                    Instant updatedAt, Instant publishedAt, List<String> themes) {

    public boolean published() {
        return publishedAt != null;
    }

    public String path() {
        return "/ressources/" + id;
    }

    ResourceDraft draft() {
        return new ResourceDraft(title, summary, kind, themes, videoUrl);
    }
}
