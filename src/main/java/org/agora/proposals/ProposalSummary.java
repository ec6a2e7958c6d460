package org.agora.proposals;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** What another module may know of a published proposal: who wrote it, its title and the path of its page. */
public record ProposalSummary(ProposalId id, ProcessId processId, AccountId author, String title, String path) {
}
