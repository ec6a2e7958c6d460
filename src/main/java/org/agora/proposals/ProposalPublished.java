package org.agora.proposals;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** A proposal left its draft and got its public reference. */
public record ProposalPublished(ProposalId proposalId, ProcessId processId, AccountId author, String reference) {
}
