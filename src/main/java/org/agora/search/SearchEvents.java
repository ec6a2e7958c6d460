package org.agora.search;

import org.agora.comments.CommentEdited;
import org.agora.comments.CommentPosted;
import org.agora.comments.CommentRemoved;
import org.agora.moderation.ContentHidden;
import org.agora.moderation.ContentRestored;
import org.agora.processes.ProcessClosed;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessPublished;
import org.agora.processes.ProcessUpdated;
import org.agora.proposals.ProposalEdited;
import org.agora.proposals.ProposalId;
import org.agora.proposals.ProposalPublished;
import org.agora.proposals.ProposalWithdrawn;
import org.agora.shared.ResourceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the other modules' changes once their transaction has committed, so that a refresh reads what they
 * committed and a failing index never undoes, nor fails, what a person did: each refresh runs in a transaction of its
 * own and a failure is logged; an administrator's reindex (POST /admin/search/reindex) repairs it.
 */
@Component
class SearchEvents {

    private static final Logger log = LoggerFactory.getLogger(SearchEvents.class);

    private final SearchIndexer indexer;

    SearchEvents(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @TransactionalEventListener
    void on(ProcessPublished event) {
        process(event.process());
    }

    @TransactionalEventListener
    void on(ProcessUpdated event) {
        process(event.process());
    }

    @TransactionalEventListener
    void on(ProcessClosed event) {
        process(event.process());
    }

    @TransactionalEventListener
    void on(ProposalPublished event) {
        proposal(event.proposalId());
    }

    @TransactionalEventListener
    void on(ProposalEdited event) {
        proposal(event.proposalId());
    }

    @TransactionalEventListener
    void on(ProposalWithdrawn event) {
        proposal(event.proposalId());
    }

    @TransactionalEventListener
    void on(CommentPosted event) {
        comment(event.commentId());
    }

    @TransactionalEventListener
    void on(CommentEdited event) {
        comment(event.commentId());
    }

    @TransactionalEventListener
    void on(CommentRemoved event) {
        comment(event.commentId());
    }

    @TransactionalEventListener
    void on(ContentHidden event) {
        moderated(event.resource());
    }

    @TransactionalEventListener
    void on(ContentRestored event) {
        moderated(event.resource());
    }

    private void moderated(ResourceRef resource) {
        switch (resource.type()) {
            case SearchEntry.PROPOSAL -> proposal(new ProposalId(resource.id()));
            case SearchEntry.COMMENT -> comment(resource.id());
            default -> { }
        }
    }

    private void process(ProcessId id) {
        guarded("process " + id.value(), () -> indexer.refreshProcess(id));
    }

    private void proposal(ProposalId id) {
        guarded("proposal " + id.value(), () -> indexer.refreshProposal(id));
    }

    private void comment(long id) {
        guarded("comment " + id, () -> indexer.refreshComment(id));
    }

    private static void guarded(String what, Runnable refresh) {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            log.warn("Search entry of {} not refreshed; an administrator's reindex will repair it", what, e);
        }
    }
}
