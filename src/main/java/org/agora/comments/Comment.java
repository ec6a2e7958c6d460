package org.agora.comments;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.agora.accounts.AccountId;
import org.agora.moderation.ModerationReason;
import org.agora.shared.ResourceRef;

/** One comment on a resource. Its rules (who edits, until when, what a removal keeps) are guarded here. */
@Entity
@Table(name = "resource_comment")
class Comment {

    /** Top-level comments are at depth 1; replies go down to this depth and no further. */
    static final int MAX_DEPTH = 3;

    enum Stance { FOR, AGAINST, NEUTRAL }

    enum Status { PUBLISHED, DELETED, HIDDEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String resourceType;
    private long resourceId;
    private Long parentId;
    private int depth;
    private long authorId;
    @Enumerated(EnumType.STRING)
    private Stance stance;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private ModerationReason hiddenReason;
    private Instant postedAt;
    private Instant editedAt;
    private Instant removedAt;
    @Version
    private long version;

    protected Comment() {
    }

    private Comment(ResourceRef resource, Long parentId, int depth, AccountId author, Stance stance, String body, Instant now) {
        this.resourceType = resource.type();
        this.resourceId = resource.id();
        this.parentId = parentId;
        this.depth = depth;
        this.authorId = author.value();
        this.stance = stance;
        this.body = body;
        this.status = Status.PUBLISHED;
        this.postedAt = now;
    }

    static Comment topLevel(ResourceRef resource, AccountId author, Stance stance, String body, Instant now) {
        return new Comment(resource, null, 1, author, stance, body, now);
    }

    /**
     * A reply to this comment. Below the maximum depth it goes one level down; a reply to a comment already at the
     * maximum depth takes its place beside it (same parent), so that nobody is refused a reply and the thread stays
     * readable.
     */
    Comment reply(AccountId author, Stance stance, String body, Instant now) {
        if (depth < MAX_DEPTH) {
            return new Comment(resource(), id, depth + 1, author, stance, body, now);
        }
        return new Comment(resource(), parentId, depth, author, stance, body, now);
    }

    boolean isWrittenBy(AccountId account) {
        return authorId == account.value();
    }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    boolean editableAt(Instant now, Duration window) {
        return isPublished() && now.isBefore(postedAt.plus(window));
    }

    void edit(Stance stance, String body, Instant now, Duration window) {
        if (!editableAt(now, window)) {
            throw new IllegalStateException("Comment " + id + " can no longer be edited");
        }
        this.stance = stance;
        this.body = body;
        this.editedAt = now;
    }

    /** The author takes it back: the words are erased, the place in the thread stays. */
    void delete(Instant now) {
        if (status != Status.PUBLISHED) {
            throw new IllegalStateException("Comment " + id + " is not published");
        }
        status = Status.DELETED;
        body = null;
        removedAt = now;
    }

    /** Moderation hides it: the words are kept for review and appeal, the public sees the reason's category. */
    void hide(ModerationReason reason, Instant now) {
        if (status != Status.PUBLISHED) {
            throw new IllegalStateException("Comment " + id + " is not published");
        }
        status = Status.HIDDEN;
        hiddenReason = reason;
        removedAt = now;
    }

    void restore() {
        if (status != Status.HIDDEN) {
            throw new IllegalStateException("Comment " + id + " is not hidden");
        }
        status = Status.PUBLISHED;
        hiddenReason = null;
        removedAt = null;
    }

    ResourceRef resource() {
        return new ResourceRef(resourceType, resourceId);
    }

    Long id() { return id; }
    Long parentId() { return parentId; }
    int depth() { return depth; }
    AccountId author() { return new AccountId(authorId); }
    Stance stance() { return stance; }
    String body() { return body; }
    Status status() { return status; }
    ModerationReason hiddenReason() { return hiddenReason; }
    Instant postedAt() { return postedAt; }
    Instant editedAt() { return editedAt; }
}
