package org.agora.proposals;

import java.time.Instant;

import org.agora.moderation.ModerationReason;

/** A proposal as its pages show it. */
record ProposalView(long id, String reference, String title, String body, long territoryId, String theme,
                    ProposalStatus status, Instant publishedAt, Instant answeredAt, int supportsCount,
                    int commentCount, Instant thresholdReachedAt, ModerationReason hiddenReason) {

    static ProposalView of(Proposal proposal) {
        return new ProposalView(proposal.id(), proposal.reference(), proposal.title(), proposal.body(),
                proposal.territoryId(), proposal.theme(), proposal.status(), proposal.publishedAt(),
                proposal.answeredAt(), proposal.supportsCount(), proposal.commentCount(), proposal.thresholdReachedAt(),
                proposal.hiddenReason());
    }

    /** Hidden by moderation: the public sees the reason's category instead of the text. */
    public boolean hidden() {
        return hiddenReason != null;
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

/**
 * Where a paper proposal was collected and by whom (null when that account is gone); until it is claimed, the public
 * author is the collection, not the facilitator who typed it in.
 */
record CollectedView(String label, String path, String collectorName, boolean claimed) {
}

/**
 * Where an imported proposal comes from: the source staff named, when it was imported (Paris time), its line in the
 * file, the date it was originally written (or null), its author as the source named them when staff chose to show
 * it (else null) and the address of the original (or null).
 */
record ImportedView(String source, java.time.ZonedDateTime importedAt, int line, java.time.LocalDate originalDate,
                    String authorLabel, String sourceUrl) {
}
