package org.agora.proposals;

import java.time.Instant;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/**
 * {@code collected} is null for a proposal written online, and says where and by whom it was collected on paper.
 * A public (published or withdrawn) proposal as other modules may know it (search, notifications). {@code hidden} is true while
 * moderation hides it: its text is then not for the public.
 */
public record PublicProposal(ProposalId id, ProcessId processId, AccountId author, String reference, String title, String body,
                             long territoryId, String theme, boolean withdrawn, boolean answered, boolean hidden,
                             Instant publishedAt, String path, Collected collected) {

    /**
     * Where a paper proposal was collected (label, and the path it links to, or null) and who typed it in; until the
     * participant claims it, {@code author} is that facilitator.
     */
    public record Collected(String label, String path, AccountId collector, boolean claimed) {
    }
}
