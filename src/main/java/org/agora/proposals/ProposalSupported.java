package org.agora.proposals;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** A person supported a proposal (a new support, not a repeated click). Published in the supporting transaction. */
public record ProposalSupported(ProposalId proposalId, ProcessId processId, AccountId supporter) {
}
