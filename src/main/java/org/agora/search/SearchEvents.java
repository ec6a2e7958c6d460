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
import org.agora.accountability.ProposalAnswered;
import org.agora.proposals.ContributionImportCommitted;
import org.agora.proposals.ProposalEdited;
import org.agora.proposals.ProposalMerged;
import org.agora.proposals.ProposalId;
import org.agora.proposals.ProposalPublished;
import org.agora.proposals.ProposalWithdrawn;
import org.agora.shared.ResourceRef;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the other modules' changes at the end of their transaction, in it: the refresh reads the final state of
 * what changed, the entry is written with it or not at all, and Hibernate Search indexes it on commit. Refreshing in
 * the same transaction also uses the same database connection, so that a burst of changes cannot exhaust the pool.
 */
@Component
class SearchEvents {

    private final SearchIndexer indexer;

    SearchEvents(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProcessPublished event) {
        process(event.process());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProcessUpdated event) {
        process(event.process());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProcessClosed event) {
        process(event.process());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProposalPublished event) {
        proposal(event.proposalId());
    }

    /** Every proposal of an import is entered in the import's transaction, in one pass (see SearchIndexer). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContributionImportCommitted event) {
        indexer.addImported(event.batch());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProposalEdited event) {
        proposal(event.proposalId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProposalAnswered event) {
        proposal(event.proposalId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProposalWithdrawn event) {
        proposal(event.proposalId());
    }

    /** The merged proposal leaves the index (its comments follow its page); the kept one is refreshed. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProposalMerged event) {
        proposal(event.mergedId());
        proposal(event.keptId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CommentPosted event) {
        comment(event.commentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CommentEdited event) {
        comment(event.commentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CommentRemoved event) {
        comment(event.commentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContentHidden event) {
        moderated(event.resource());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
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
        indexer.refreshProcess(id);
    }

    private void proposal(ProposalId id) {
        indexer.refreshProposal(id);
    }

    private void comment(long id) {
        indexer.refreshComment(id);
    }
}
