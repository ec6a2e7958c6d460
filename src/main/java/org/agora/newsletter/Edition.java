package org.agora.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
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

/** An edition of the newsletter: written by staff, then sent once. */
@Entity
@Table(name = "newsletter_edition")
class Edition {

    enum Status { DRAFT, SENDING, SENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subject;

    private String editorial;

    private String language;

    private String themes;

    private String territories;

    @Enumerated(EnumType.STRING)
    private Status status;

    private long createdBy;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant sendStartedAt;

    private Instant sentAt;

    @ElementCollection
    @CollectionTable(name = "newsletter_edition_block", joinColumns = @JoinColumn(name = "edition_id"))
    @OrderColumn(name = "position")
    private List<EditionBlock> blocks = new ArrayList<>();

    protected Edition() {
    }

    static Edition draft(long author, String language, Instant now) {
        Edition edition = new Edition();
        edition.subject = "";
        edition.editorial = "";
        edition.language = language;
        edition.themes = "";
        edition.territories = "";
        edition.status = Status.DRAFT;
        edition.createdBy = author;
        edition.createdAt = now;
        edition.updatedAt = now;
        return edition;
    }

    void write(String subject, String editorial, String language, Preferences audience, List<EditionBlock> blocks,
               Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("Edition " + id + " was sent: it can no longer change");
        }
        this.subject = subject;
        this.editorial = editorial;
        this.language = language;
        this.themes = NewsletterTheme.join(audience.themes());
        this.territories = Subscriber.joinIds(audience.territories());
        this.blocks.clear();
        this.blocks.addAll(blocks);
        this.updatedAt = now;
    }

    /** True when this call started the send; an edition is sent once. */
    boolean startSending(Instant now) {
        if (status != Status.DRAFT) {
            return false;
        }
        status = Status.SENDING;
        sendStartedAt = now;
        return true;
    }

    void allHandedOver(Instant now) {
        if (status == Status.SENDING) {
            status = Status.SENT;
            sentAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getEditorial() {
        return editorial;
    }

    public String getLanguage() {
        return language;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getSendStartedAt() {
        return sendStartedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** The day it was sent, in Europe/Paris; null until then. */
    public java.time.LocalDate getSentDay() {
        return sentAt == null ? null : sentAt.atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<EditionBlock> getBlocks() {
        return List.copyOf(blocks);
    }

    Preferences audience() {
        return new Preferences(NewsletterTheme.parse(themes), Subscriber.parseIds(territories));
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }
}
