package org.agora.proposals;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** A participant took into their account a proposal a facilitator had collected from them on paper. */
public record ProposalClaimed(ProposalId proposalId, ProcessId processId, AccountId author) {
}
