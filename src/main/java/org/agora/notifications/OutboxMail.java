package org.agora.notifications;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What other modules and tests may read of a mail in the outbox. {@code status}: PENDING, SENDING, SENT or FAILED. */
public record OutboxMail(long id, String recipient, String subject, String text, String language, String kind,
                         String status, int attempts, Instant createdAt, Instant sentAt) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** The web addresses in the text part, in order. */
    public List<String> links() {
        return links(text);
    }

    /** The first web address in the text part: the one the mail asks to follow. */
    public String link() {
        return links().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Mail " + id + " contains no link"));
    }

    static List<String> links(String text) {
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        return matcher.results().map(match -> match.group()).distinct().toList();
    }
}
