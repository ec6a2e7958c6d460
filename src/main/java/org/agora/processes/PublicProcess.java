package org.agora.processes;

import java.time.Instant;

/** A publicly visible process with its texts, as other modules may copy them (search). */
public record PublicProcess(ProcessId id, String slug, String title, String summary, String description,
                            long territoryId, boolean closed, Instant publishedAt) {

    public String path() {
        return "/processes/" + slug;
    }
}
