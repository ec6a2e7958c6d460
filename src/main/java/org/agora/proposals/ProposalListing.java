package org.agora.proposals;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;
import org.agora.shared.ResultPage;

/**
 * Read-only, paged query of the public proposals of every public process, for the API and open data. A listed
 * proposal is published or withdrawn (never a draft, never one merged into another). Counting stops at
 * {@link #COUNT_CAP}: beyond it the page says its total is a lower bound.
 */
public interface ProposalListing {

    int COUNT_CAP = 10_000;

    /** The resource type under which comments attach to a proposal. */
    String COMMENT_TYPE = ProposalComments.TYPE;

    enum Status { PUBLISHED, WITHDRAWN, ANSWERED }

    enum Sort { RECENT, SUPPORTS }

    /**
     * {@code territories} null means any territory (else the territory ids to match, the caller expanding a territory
     * to those below it); {@code since} inclusive, {@code until} exclusive, on the publication time; null means unbounded.
     */
    record Query(ProcessId process, Set<Long> territories, Status status, Instant since, Instant until, Sort sort,
                 int offset, int limit) {
    }

    /**
     * A public proposal. {@code title} and {@code body} are null while moderation hides it ({@code hiddenReason} then
     * says why); {@code author} is whoever the proposal shows as author (the facilitator who typed a paper
     * proposal in until the participant claims it), null for a contribution imported from another tool's file;
     * {@code paper} says it was collected on paper.
     */
    record Listed(ProposalId id, ProcessId process, String reference, String title, String body, long territoryId,
                  String theme, boolean withdrawn, Instant publishedAt, Instant answeredAt, int supports,
                  int comments, String hiddenReason, boolean paper, AccountId author) {
    }

    ResultPage<Listed> list(Query query);

    /** A public proposal of a public process; empty for a draft, a merged proposal, or an unknown id. */
    Optional<Listed> find(ProposalId id);
}
