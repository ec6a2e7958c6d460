package org.agora.shared;

import java.util.Objects;

/**
 * A file carried by a {@link MailRequested}: an iCalendar invitation, a QR code... {@code contentId} is null for an
 * ordinary attachment; when given, the HTML body can show the file inline as {@code <img src="cid:...">}.
 */
public record MailAttachment(String fileName, String contentType, byte[] content, String contentId) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
