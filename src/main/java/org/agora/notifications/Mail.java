package org.agora.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** One mail of the outbox: what to send, to whom, and how delivery went. */
@Entity
@Table(name = "mail_outbox")
class Mail {

    enum Status { PENDING, SENDING, SENT, FAILED }

    /** Waits before the next attempt after the 1st, 2nd, ... failure; the last one repeats. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12));

    private static final int MAX_ERROR_LENGTH = 1000;

    /**
     * The databases keep microseconds and round the rest (H2 rounds up), so a mail queued "now" could otherwise be
     * stored as due a few nanoseconds in the future. Every instant this module stores or compares goes through here.
     */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    private String recipient;

    private String subject;

    @Column(name = "text_body")
    private String text;

    @Column(name = "html_body")
    private String html;

    private String language;

    @Enumerated(EnumType.STRING)
    private MailKind kind;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    private Instant nextAttemptAt;

    private Instant claimedUntil;

    private String lastError;

    private Instant createdAt;

    private Instant sentAt;

    private String unsubscribeUrl;

    /** What a mail worded by a feature is about (MailRequested's topic); null for this module's own mails. */
    private String topic;

    /** The publisher's own name for a mail worded by a feature (MailRequested's reference), given back in reports. */
    private String reference;

    @ElementCollection
    @CollectionTable(name = "mail_attachment", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "position")
    private List<Attachment> attachments = new ArrayList<>();

    protected Mail() {
    }

    private Mail(Long accountId, String recipient, RenderedMail rendered, String language, MailKind kind,
                 String unsubscribeUrl, Instant now) {
        this.accountId = accountId;
        this.recipient = recipient;
        this.subject = rendered.subject();
        this.text = rendered.text();
        this.html = rendered.html();
        this.language = language;
        this.kind = kind;
        this.unsubscribeUrl = unsubscribeUrl;
        this.status = Status.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** {@code unsubscribeUrl} is null for the mails one cannot opt out of (sign-up, password...). */
    static Mail queue(Long accountId, String recipient, RenderedMail rendered, String language, MailKind kind,
                      String unsubscribeUrl, Instant now) {
        return new Mail(accountId, recipient, rendered, language, kind, unsubscribeUrl, now);
    }

    /** A mail a feature worded itself, about {@code topic}, with its files in order. */
    static Mail queue(Long accountId, String recipient, RenderedMail rendered, String language, String topic,
                      List<Attachment> attachments, String unsubscribeUrl, Instant now) {
        return queue(accountId, recipient, rendered, language, topic, attachments, unsubscribeUrl, null, now);
    }

    /** A mail a feature worded itself and follows by its own {@code reference}. */
    static Mail queue(Long accountId, String recipient, RenderedMail rendered, String language, String topic,
                      List<Attachment> attachments, String unsubscribeUrl, String reference, Instant now) {
        Mail mail = new Mail(accountId, recipient, rendered, language, MailKind.FEATURE, unsubscribeUrl, now);
        mail.topic = topic;
        mail.reference = reference;
        mail.attachments.addAll(attachments);
        return mail;
    }

    void delivered(Instant now) {
        status = Status.SENT;
        attempts++;
        sentAt = now;
        claimedUntil = null;
        lastError = null;
    }

    /** Schedules a retry with exponential backoff, or gives up once {@code maxAttempts} were made or retrying is useless. */
    void deliveryFailed(String error, boolean worthRetrying, int maxAttempts, Instant now) {
        attempts++;
        claimedUntil = null;
        lastError = error == null ? null : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        if (!worthRetrying || attempts >= maxAttempts) {
            status = Status.FAILED;
        } else {
            status = Status.PENDING;
            nextAttemptAt = now.plus(BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1));
        }
    }

    Long id() {
        return id;
    }

    Long accountId() {
        return accountId;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String text() {
        return text;
    }

    String html() {
        return html;
    }

    String language() {
        return language;
    }

    MailKind kind() {
        return kind;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant claimedUntil() {
        return claimedUntil;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    String unsubscribeUrl() {
        return unsubscribeUrl;
    }

    String topic() {
        return topic;
    }

    String reference() {
        return reference;
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    OutboxMail view() {
        return new OutboxMail(id, recipient, subject, text, html, language, kind.name(), topic, status.name(), attempts,
                createdAt, sentAt, attachments.stream()
                .map(file -> new OutboxMail.File(file.fileName(), file.contentType(), file.contentId(), file.content()))
                .toList());
    }
}
