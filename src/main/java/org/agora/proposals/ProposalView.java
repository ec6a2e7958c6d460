package org.agora.proposals;

import java.time.Instant;

/** A proposal as its pages show it. */
record ProposalView(long id, String reference, String title, String body, long territoryId, String theme,
                    ProposalStatus status, Instant publishedAt, Instant answeredAt, int supportsCount,
                    int commentCount, Instant thresholdReachedAt) {

    static ProposalView of(Proposal proposal) {
        return new ProposalView(proposal.id(), proposal.reference(), proposal.title(), proposal.body(),
                proposal.territoryId(), proposal.theme(), proposal.status(), proposal.publishedAt(),
                proposal.answeredAt(), proposal.supportsCount(), proposal.commentCount(), proposal.thresholdReachedAt());
    }

    public boolean withdrawn() {
        return status == ProposalStatus.WITHDRAWN;
    }
}
