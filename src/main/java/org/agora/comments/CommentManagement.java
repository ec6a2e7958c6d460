package org.agora.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ParticipantBlocks;
import org.agora.shared.ResourceRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Comments' use cases. Every action checks that the resource exists and still takes comments (its
 * {@link CommentTarget}), and who is acting; events are published in the same transaction as the change.
 */
@Service
@Transactional
class CommentManagement implements CommentThreads {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 3000;

    static final String SIGN_IN_KEY = "comments.refusal.signIn";
    static final String UNAVAILABLE_KEY = "comments.refusal.unavailable";
    static final String BLOCKED_KEY = "comments.refusal.blocked";

    private final Comments comments;
    private final CommentVotes votes;
    private final CommentTargets targets;
    private final ParticipantBlocks blocks;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration editWindow;

    CommentManagement(Comments comments, CommentVotes votes, CommentTargets targets, ParticipantBlocks blocks,
                      AccountManagement accounts, ApplicationEventPublisher events, Clock clock,
                      @Value("${agora.comments.edit-window:PT15M}") Duration editWindow) {
        this.comments = comments;
        this.votes = votes;
        this.targets = targets;
        this.blocks = blocks;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    /** Where the person is sent back to after an action: the resource's page, at the comment. */
    record Done(long commentId, String path) {
        String anchored() {
            return path + "#comment-" + commentId;
        }
    }

    // ---- Posting, editing, deleting -------------------------------------------------------------------------------

    Done post(AgoraUser user, ResourceRef resource, Long parentId, Comment.Stance stance, String rawBody) {
        String path = acceptingTarget(resource, user);
        String body = checkedBody(rawBody);
        return new Done(write(resource, parentId, user.id(), stance, body, clock.instant()).id(), path);
    }

    /** Saves a checked text as a new comment or a reply to a published comment of the same resource, and says so. */
    Comment write(ResourceRef resource, Long parentId, AccountId author, Comment.Stance stance, String body, Instant at) {
        Comment repliedTo = null;
        Comment comment;
        if (parentId == null) {
            comment = Comment.topLevel(resource, author, stance, body, at);
        } else {
            repliedTo = comments.findById(parentId)
                    .filter(parent -> parent.resource().equals(resource) && parent.isPublished())
                    .orElseThrow(() -> CommentProblem.badInput("parentId", "comments.parent.unknown"));
            comment = repliedTo.reply(author, stance, body, at);
        }
        comments.save(comment);
        events.publishEvent(new CommentPosted(comment.id(), resource, author,
                repliedTo == null ? null : repliedTo.id(), repliedTo == null ? null : repliedTo.author()));
        return comment;
    }

    Done edit(AgoraUser user, long id, Comment.Stance stance, String rawBody) {
        Comment comment = editable(user, id);
        String body = checkedBody(rawBody);
        comment.edit(stance, body, clock.instant(), editWindow);
        events.publishEvent(new CommentEdited(id, comment.resource()));
        return new Done(id, existingTarget(comment.resource()));
    }

    /** Throws what an edit of this comment by this person would be refused for now, whatever they typed. */
    void requireEditable(AgoraUser user, long id) {
        editable(user, id);
    }

    private Comment editable(AgoraUser user, long id) {
        Comment comment = own(user, id);
        acceptingTarget(comment.resource(), user);
        if (!comment.isPublished()) {
            throw CommentProblem.refused("comments.error.removed");
        }
        if (!comment.editableAt(clock.instant(), editWindow)) {
            throw CommentProblem.badInput(null, "comments.edit.tooLate");
        }
        return comment;
    }

    /** Deleting a comment already deleted is a success that changes nothing (a double click). */
    Done delete(AgoraUser user, long id) {
        Comment comment = own(user, id);
        String path = existingTarget(comment.resource());
        switch (comment.status()) {
            case DELETED -> { }
            case HIDDEN -> throw CommentProblem.refused("comments.error.removed");
            case PUBLISHED -> {
                comment.delete(clock.instant());
                events.publishEvent(new CommentRemoved(id, comment.resource()));
            }
        }
        return new Done(id, path);
    }

    // ---- Votes ----------------------------------------------------------------------------------------------------

    /**
     * One vote per person and comment. The same vote twice is a success that changes nothing (so that double clicks
     * and retries are harmless); the other direction replaces it; {@code null} withdraws it.
     */
    Done vote(AgoraUser user, long id, CommentVotes.Direction direction) {
        Comment comment = comments.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String path = acceptingTarget(comment.resource(), user);
        if (!comment.isPublished()) {
            throw CommentProblem.refused("comments.error.removed");
        }
        if (comment.isWrittenBy(user.id())) {
            throw CommentProblem.refused("comments.vote.own");
        }
        if (direction == null) {
            votes.withdraw(id, user.id());
        } else {
            votes.vote(id, user.id(), direction, clock.instant());
        }
        return new Done(id, path);
    }

    // ---- Moderation (called through CommentModeration, in moderation's transaction) --------------------------------

    /** Hides a published comment; the thread shows "hidden by moderation" and the reason's category. Hiding it twice changes nothing. */
    void hide(long id, ModerationReason reason) {
        Comment comment = comments.findForChange(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (comment.status() == Comment.Status.HIDDEN) {
            return;
        }
        comment.hide(reason, clock.instant());
        events.publishEvent(new CommentRemoved(id, comment.resource()));
    }

    /** Shows a hidden comment again, so that it counts again; restoring a visible comment changes nothing. */
    void restore(long id) {
        Comment comment = comments.findForChange(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (comment.status() != Comment.Status.HIDDEN) {
            return;
        }
        comment.restore();
        events.publishEvent(new CommentRestored(id, comment.resource()));
    }

    // ---- Reading --------------------------------------------------------------------------------------------------

    /** The resource's path if it exists, for the "back" link of a refused form; empty for an unknown resource. */
    @Transactional(readOnly = true)
    Optional<String> pathOf(ResourceRef resource) {
        return targets.find(resource).map(CommentTargets.Found::path);
    }

    @Transactional(readOnly = true)
    Optional<String> pathOfComment(long id) {
        return comments.findById(id).flatMap(comment -> pathOf(comment.resource()));
    }

    /** The comment as its author may edit it again (the edit form's initial values). */
    @Transactional(readOnly = true)
    Optional<Comment> find(long id) {
        return comments.findById(id);
    }

    @Override
    @Transactional(readOnly = true)
    public CommentThread threadOf(ResourceRef resource, AgoraUser viewer) {
        Optional<CommentTargets.Found> target = targets.find(resource);
        String returnTo = target.map(CommentTargets.Found::path).orElse(null);
        String refusal = target.isEmpty() ? UNAVAILABLE_KEY
                : viewer == null ? SIGN_IN_KEY
                : target.get().target().refusal(resource.id(), viewer)
                        .orElse(blocks.isBlocked(viewer.id()) ? BLOCKED_KEY : null);

        List<Comment> all = comments.findByResourceTypeAndResourceIdOrderByPostedAtAscIdAsc(resource.type(), resource.id());
        // Three queries whatever the size of the thread: comments, votes (grouped), authors' names.
        Map<Long, CommentVotes.Tally> tallies = all.isEmpty() ? Map.of() : votes.tallies(resource, viewer == null ? null : viewer.id());
        Set<AccountId> authors = new HashSet<>();
        all.forEach(comment -> authors.add(comment.author()));
        Map<AccountId, Optional<String>> names = authors.isEmpty() ? Map.of() : accounts.pseudonyms(authors);

        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        long inFavour = 0, against = 0, neutral = 0;
        for (Comment comment : all) {
            if (comment.parentId() == null) {
                roots.add(comment);
            } else {
                children.computeIfAbsent(comment.parentId(), parent -> new ArrayList<>()).add(comment);
            }
            if (comment.isPublished()) {
                switch (comment.stance()) {
                    case FOR -> inFavour++;
                    case AGAINST -> against++;
                    case NEUTRAL -> neutral++;
                }
            }
        }
        Instant now = clock.instant();
        ViewContext context = new ViewContext(children, tallies, names, viewer, now);
        List<CommentThread.CommentView> views = roots.stream().map(root -> view(root, context)).toList();
        return new CommentThread(resource, returnTo, views, inFavour + against + neutral, inFavour, against, neutral,
                refusal == null, refusal);
    }

    private record ViewContext(Map<Long, List<Comment>> children, Map<Long, CommentVotes.Tally> tallies,
                               Map<AccountId, Optional<String>> names,
                               AgoraUser viewer, Instant now) {
    }

    private CommentThread.CommentView view(Comment comment, ViewContext context) {
        boolean published = comment.isPublished();
        Optional<String> name = context.names().getOrDefault(comment.author(), Optional.empty());
        CommentVotes.Tally tally = context.tallies().getOrDefault(comment.id(), CommentVotes.Tally.NONE);
        CommentVotes.Direction viewerVote = tally.viewerVote();
        boolean viewerIsAuthor = context.viewer() != null && comment.isWrittenBy(context.viewer().id());
        String marker = switch (comment.status()) {
            case PUBLISHED -> null;
            case DELETED -> "comments.marker.deleted";
            case HIDDEN -> "comments.marker.hidden." + comment.hiddenReason();
        };
        List<CommentThread.CommentView> replies = context.children().getOrDefault(comment.id(), List.of()).stream()
                .map(reply -> view(reply, context)).toList();
        return new CommentThread.CommentView(comment.id(), name.orElse(null), name.isEmpty(), comment.stance().name(),
                published || viewerIsAuthor ? comment.body() : null, marker, comment.postedAt().atZone(Clocks.PARIS),
                comment.editedAt() != null, comment.depth(), tally.up(), tally.down(),
                viewerVote == null ? null : viewerVote.name(), viewerIsAuthor,
                viewerIsAuthor && comment.editableAt(context.now(), editWindow), replies);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ResourceRef, Long> counts(Collection<ResourceRef> resources) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        Set<String> types = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        resources.forEach(resource -> {
            types.add(resource.type());
            ids.add(resource.id());
        });
        Set<ResourceRef> wanted = Set.copyOf(resources);
        Map<ResourceRef, Long> counts = new LinkedHashMap<>();
        for (Object[] row : comments.countPublished(types, ids)) {
            ResourceRef resource = new ResourceRef((String) row[0], ((Number) row[1]).longValue());
            if (wanted.contains(resource)) {
                counts.put(resource, ((Number) row[2]).longValue());
            }
        }
        return counts;
    }

    // ---- Rules ----------------------------------------------------------------------------------------------------

    /** Line breaks are kept (CR LF and CR become LF), surrounding blanks are not; the length is counted after that. */
    static String normalized(String body) {
        return body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The message key of what is wrong with a body, if anything. */
    static Optional<String> bodyProblem(String raw) {
        String body = normalized(raw);
        if (body.isEmpty()) {
            return Optional.of("comments.body.required");
        }
        if (body.length() < MIN_LENGTH) {
            return Optional.of("comments.body.tooShort");
        }
        if (body.length() > MAX_LENGTH) {
            return Optional.of("comments.body.tooLong");
        }
        return Optional.empty();
    }

    private static String checkedBody(String raw) {
        bodyProblem(raw).ifPresent(key -> {
            throw CommentProblem.badInput("body", key);
        });
        return normalized(raw);
    }

    private Comment own(AgoraUser user, long id) {
        Comment comment = comments.findForChange(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!comment.isWrittenBy(user.id())) {
            throw new AccessDeniedException("Comment " + id + " is not theirs");
        }
        return comment;
    }

    private String existingTarget(ResourceRef resource) {
        return targets.find(resource).map(CommentTargets.Found::path)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private String acceptingTarget(ResourceRef resource, AgoraUser user) {
        CommentTargets.Found found = targets.find(resource).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        found.target().refusal(resource.id(), user).ifPresent(key -> {
            throw CommentProblem.refused(key);
        });
        if (blocks.isBlocked(user.id())) {
            throw CommentProblem.refused(BLOCKED_KEY);
        }
        return found.path();
    }
}
