package org.agora.proposals;

import org.agora.processes.ProcessId;

/** The author withdrew a published proposal: it stays public, marked as withdrawn. */
public record ProposalWithdrawn(ProposalId proposalId, ProcessId processId) {
}
