package org.agora.proposals;

import org.agora.processes.ProcessId;

/** The author changed a published proposal's text within the edit window. */
public record ProposalEdited(ProposalId proposalId, ProcessId processId) {
}
