package org.agora.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What other modules and tests may read of a mail in the outbox. {@code status}: PENDING, SENDING, SENT or FAILED;
 * {@code topic} is the MailRequested's topic of a mail a feature worded itself (kind FEATURE), null otherwise;
 * {@code html} may be null.
 */
public record OutboxMail(long id, String recipient, String subject, String text, String html, String language,
                         String kind, String topic, String status, int attempts, Instant createdAt, Instant sentAt,
                         List<File> attachments) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** A file the mail carries; {@code contentId} is set when the HTML part shows it inline. */
    public record File(String fileName, String contentType, String contentId, byte[] content) {

        public File {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public OutboxMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The web addresses in the text part, in order. */
    public List<String> links() {
        return links(text);
    }

    /** The first web address in the text part: the one the mail asks to follow. */
    public String link() {
        return links().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Mail " + id + " contains no link"));
    }

    /** The attached file of this name, if the mail carries one. */
    public Optional<File> attachment(String fileName) {
        return attachments.stream().filter(file -> file.fileName().equals(fileName)).findFirst();
    }

    static List<String> links(String text) {
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        return matcher.results().map(match -> match.group()).distinct().toList();
    }
}
