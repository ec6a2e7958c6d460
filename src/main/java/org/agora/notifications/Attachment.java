package org.agora.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A file a mail carries; {@code contentId} is set when the HTML part shows it inline ({@code cid:...}). */
@Embeddable
class Attachment {

    private String fileName;

    private String contentType;

    private String contentId;

    @Column(name = "content")
    private byte[] content;

    protected Attachment() {
    }

    Attachment(String fileName, String contentType, String contentId, byte[] content) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.contentId = contentId;
        this.content = content;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    String contentId() {
        return contentId;
    }

    byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    boolean inline() {
        return contentId != null;
    }
}
