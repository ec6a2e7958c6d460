package org.agora.newsletter;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A block of an edition: a copy of what it presents, with the path of its page on this site. */
@Embeddable
class EditionBlock {

    @Enumerated(EnumType.STRING)
    private BlockKind kind;

    private String title;

    private String summary;

    private String path;

    protected EditionBlock() {
    }

    EditionBlock(BlockKind kind, String title, String summary, String path) {
        this.kind = kind;
        this.title = title.length() > 300 ? title.substring(0, 299) + "…" : title;
        this.summary = summary == null || summary.isBlank() ? null
                : summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
        this.path = path;
    }

    public BlockKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getPath() {
        return path;
    }

    /** What identifies a block in the compose form. */
    public String getKey() {
        return kind.name() + "|" + path;
    }
}
