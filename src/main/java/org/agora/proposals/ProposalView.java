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

/** An attachment as pages show it: its name and whether it is an image shown inline. */
record AttachmentView(String fileName, boolean image) {

    static AttachmentView of(ProposalAttachment attachment) {
        return new AttachmentView(attachment.fileName(), attachment.isImage());
    }

    public boolean isImage() {
        return image;
    }
}
