package org.agora.proposals;

import java.time.Instant;

import org.agora.processes.ProcessId;

/**
 * A public (published or withdrawn) proposal as other modules may copy it (search). {@code hidden} is true while
 * moderation hides it: its text is then not for the public.
 */
public record PublicProposal(ProposalId id, ProcessId processId, String reference, String title, String body,
                             long territoryId, String theme, boolean withdrawn, boolean answered, boolean hidden,
                             Instant publishedAt, String path) {
}
