package org.agora.proposals;

import java.time.Instant;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/**
 * A public (published or withdrawn) proposal as other modules may know it (search, notifications). {@code hidden} is true while
 * moderation hides it: its text is then not for the public.
 */
public record PublicProposal(ProposalId id, ProcessId processId, AccountId author, String reference, String title, String body,
                             long territoryId, String theme, boolean withdrawn, boolean answered, boolean hidden,
                             Instant publishedAt, String path) {
}
