package org.agora.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agora.accountability.ProposalAnswered;
import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.comments.CommentPosted;
import org.agora.moderation.ContentHidden;
import org.agora.moderation.ContentRestored;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalMerged;
import org.agora.proposals.ProposalClaimed;
import org.agora.proposals.ProposalPublished;
import org.agora.proposals.PublicProposal;
import org.agora.proposals.ProposalSupported;
import org.agora.proposals.ProposalThresholdReached;
import org.agora.shared.Excerpts;
import org.agora.shared.ResourceRef;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the features' events into follows and notices (see docs/decisions/0006). Plain synchronous listeners, as for
 * the outbox: they run inside the transaction that publishes the event, so a comment rolled back leaves no notice
 * and a committed one cannot lose its notices, and they need no second database connection (a listener opening its
 * own transaction after commit would hold two per request and starve the pool under load).
 */
@Component
class FeatureEvents {

    private final Follows follows;
    private final NotificationPreferences preferences;
    private final Noticeboard board;
    private final Resources resources;
    private final AccountManagement accounts;
    private final Notices notices;
    private final ProposalCatalog catalog;

    FeatureEvents(Follows follows, NotificationPreferences preferences, Noticeboard board, Resources resources,
                  AccountManagement accounts, Notices notices, ProposalCatalog catalog) {
        this.catalog = catalog;
        this.follows = follows;
        this.preferences = preferences;
        this.board = board;
        this.resources = resources;
        this.accounts = accounts;
        this.notices = notices;
    }

    @EventListener
    void on(ProposalPublished event) {
        followAutomatically(event.author(), new ResourceRef(Resources.PROPOSAL, event.proposalId().value()));
    }

    /** The participant who claims a paper proposal follows it as if they had written it online. */
    @EventListener
    void on(ProposalClaimed event) {
        followAutomatically(event.author(), new ResourceRef(Resources.PROPOSAL, event.proposalId().value()));
    }

    @EventListener
    void on(ProposalSupported event) {
        followAutomatically(event.supporter(), new ResourceRef(Resources.PROPOSAL, event.proposalId().value()));
    }

    private void followAutomatically(AccountId account, ResourceRef resource) {
        if (preferences.autoFollow(account)) {
            follows.follow(account, resource);
        }
    }

    /**
     * A reply tells the parent comment's author (REPLY); everyone else concerned — the resource's followers, and for
     * a proposal its author and its process's followers — gets NEW_COMMENT. Nobody is told of their own comment.
     */
    @EventListener
    void on(CommentPosted event) {
        Optional<Resources.Described> described = resources.describe(event.resource());
        if (described.isEmpty()) {
            return;
        }
        String link = described.get().path() + "#comment-" + event.commentId();
        String title = described.get().title();
        AccountId parentAuthor = event.parentAuthor() != null && !event.parentAuthor().equals(event.author())
                ? event.parentAuthor() : null;
        if (parentAuthor != null) {
            board.post(List.of(parentAuthor), NoticeKind.REPLY, event.resource(), link, title, null);
        }
        List<AccountId> concerned = new ArrayList<>(follows.followers(event.resource()));
        resources.proposal(event.resource()).ifPresent(proposal -> {
            concerned.add(proposal.author());
            concerned.addAll(follows.followers(new ResourceRef(Resources.PROCESS, proposal.processId().value())));
        });
        concerned.removeIf(person -> person.equals(event.author()) || person.equals(parentAuthor));
        board.post(concerned, NoticeKind.NEW_COMMENT, event.resource(), link, title, null);
    }

    @EventListener
    void on(ContentHidden event) {
        tellAuthor(event.author(), NoticeKind.CONTENT_HIDDEN, event.resource(), event.reason().name());
    }

    @EventListener
    void on(ContentRestored event) {
        tellAuthor(event.author(), NoticeKind.CONTENT_RESTORED, event.resource(), null);
    }

    /** When the content's page cannot be found (hidden from everyone), the notice opens the notices list. */
    private void tellAuthor(AccountId author, NoticeKind kind, ResourceRef resource, String detail) {
        if (author == null) {
            return;
        }
        Optional<Resources.Described> described = resources.describe(resource);
        board.post(List.of(author), kind, resource,
                described.map(Resources.Described::path).orElse(NotificationController.LIST_PATH),
                described.map(Resources.Described::title).orElse(null), detail);
    }

    /** The administrators, the process's staff, and the followers of the proposal and of its process. */
    @EventListener
    void on(ProposalThresholdReached event) {
        ResourceRef proposal = new ResourceRef(Resources.PROPOSAL, event.proposalId().value());
        Optional<PublicProposal> summary = resources.proposal(proposal);
        if (summary.isEmpty()) {
            return;
        }
        List<AccountId> concerned = new ArrayList<>(accounts.holdersOf(Role.ADMINISTRATOR, RoleScope.GLOBAL));
        concerned.addAll(accounts.holdersOf(Role.STAFF, RoleScope.process(event.processId().value())));
        concerned.addAll(follows.followers(proposal));
        concerned.addAll(follows.followers(new ResourceRef(Resources.PROCESS, event.processId().value())));
        board.post(concerned, NoticeKind.THRESHOLD_REACHED, proposal, summary.get().path(), summary.get().title(), null);
    }

    /** The author, the supporters and the followers of the proposal, with the destination and (an excerpt of) the answer. */
    @EventListener
    void on(ProposalAnswered event) {
        ResourceRef proposal = new ResourceRef(Resources.PROPOSAL, event.proposalId().value());
        Optional<PublicProposal> summary = resources.proposal(proposal);
        if (summary.isEmpty()) {
            return;
        }
        List<AccountId> concerned = new ArrayList<>();
        concerned.add(summary.get().author());
        concerned.addAll(catalog.supporters(event.proposalId()));
        concerned.addAll(follows.followers(proposal));
        String detail = "« " + event.destinationLabel() + " » — " + Excerpts.of(event.answerText(), 600);
        board.post(concerned, NoticeKind.ANSWER_PUBLISHED, proposal, summary.get().path() + "#answer-title",
                summary.get().title(), detail);
    }

    /**
     * Both authors (once when they are the same person), with a link to the kept proposal; the merged proposal's
     * followers follow the kept one from now on.
     */
    @EventListener
    void on(ProposalMerged event) {
        ResourceRef kept = new ResourceRef(Resources.PROPOSAL, event.keptId().value());
        Optional<PublicProposal> summary = resources.proposal(kept);
        if (summary.isEmpty()) {
            return;
        }
        follows.move(new ResourceRef(Resources.PROPOSAL, event.mergedId().value()), kept);
        String mergedReference = resources.referenceOf(event.mergedId()).orElse(null);
        board.post(List.of(event.mergedAuthor(), event.keptAuthor()), NoticeKind.PROPOSAL_MERGED, kept,
                summary.get().path(), summary.get().title(), mergedReference);
    }

    @EventListener
    void on(AccountDeleted event) {
        follows.forget(event.account());
        notices.deleteByRecipient(event.account().value());
        preferences.forget(event.account());
    }
}
