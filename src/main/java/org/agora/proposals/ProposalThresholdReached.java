package org.agora.proposals;

import org.agora.processes.ProcessId;

/** A proposal reached its process's support threshold; published once per proposal, in the supporting transaction. */
public record ProposalThresholdReached(ProposalId proposalId, ProcessId processId) {
}
