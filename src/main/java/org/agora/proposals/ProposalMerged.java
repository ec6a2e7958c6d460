package org.agora.proposals;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** Staff merged a duplicate into a kept proposal of the same process; its supports now count for the kept one. */
public record ProposalMerged(ProposalId mergedId, ProposalId keptId, ProcessId processId, AccountId mergedAuthor,
                             AccountId keptAuthor) {
}
