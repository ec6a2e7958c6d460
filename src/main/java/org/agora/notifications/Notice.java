package org.agora.notifications;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;

/** One in-app notice to one person: what happened, on what, and the page it opens. */
@Entity
@Table(name = "notice")
class Notice {

    static final int MAX_TITLE = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long recipientId;

    @Enumerated(EnumType.STRING)
    private NoticeKind kind;

    private String resourceType;

    private long resourceId;

    private String linkPath;

    private String title;

    private String detail;

    private Instant createdAt;

    private Instant readAt;

    private Instant mailedAt;

    protected Notice() {
    }

    Notice(AccountId recipient, NoticeKind kind, ResourceRef resource, String linkPath, String title, String detail,
           Instant now) {
        this.recipientId = recipient.value();
        this.kind = kind;
        this.resourceType = resource.type();
        this.resourceId = resource.id();
        this.linkPath = linkPath;
        this.title = title == null || title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
        this.detail = detail;
        this.createdAt = now;
    }

    /** Reading twice keeps the first time. */
    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    void mailed(Instant now) {
        mailedAt = now;
    }

    Long id() { return id; }
    AccountId recipient() { return new AccountId(recipientId); }
    NoticeKind kind() { return kind; }
    ResourceRef resource() { return new ResourceRef(resourceType, resourceId); }
    String linkPath() { return linkPath; }
    String title() { return title; }
    String detail() { return detail; }
    Instant createdAt() { return createdAt; }
    Instant readAt() { return readAt; }
    Instant mailedAt() { return mailedAt; }
    boolean isRead() { return readAt != null; }
}
