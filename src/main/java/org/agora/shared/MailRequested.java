package org.agora.shared;

import java.util.List;
import java.util.Objects;

/**
 * A mail that a feature has worded itself (it knows its own subject best), handed to the outbox as an event: the
 * outbox module listens synchronously and writes it in the publishing transaction, so the mail exists if and only if
 * what caused it is committed. Features stay unaware of how mail is delivered (docs/decisions/0006 and 0013).
 *
 * @param accountId      the recipient's account, or null for someone without one (a guest registration)
 * @param recipient      the address
 * @param language       "fr" or "en"
 * @param topic          a short lower-case name of what the mail is about, e.g. "meeting-registration"
 * @param unsubscribeUrl null unless the mail is one of a series the recipient can stop
 * @param reference      null, or the publisher's own name for this mail (at most 100 characters), given back in the
 *                       outbox's delivery reports so that the publisher can follow what became of it
 */
public record MailRequested(Long accountId, String recipient, String language, String topic, String subject,
                            String text, String html, List<MailAttachment> attachments, String unsubscribeUrl,
                            String reference) {

    /** A mail whose publisher does not follow its delivery. */
    public MailRequested(Long accountId, String recipient, String language, String topic, String subject, String text,
                         String html, List<MailAttachment> attachments, String unsubscribeUrl) {
        this(accountId, recipient, language, topic, subject, text, html, attachments, unsubscribeUrl, null);
    }

    public MailRequested {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (topic == null || !topic.matches("[a-z][a-z-]{0,39}")) {
            throw new IllegalArgumentException("A mail topic is 1 to 40 lower-case letters or hyphens: " + topic);
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (reference != null && (reference.isBlank() || reference.length() > 100)) {
            throw new IllegalArgumentException("A mail reference is 1 to 100 characters: " + reference);
        }
    }
}
