package org.agora.proposals;

import org.agora.processes.ProcessId;

/**
 * Staff imported {@code count} contributions from a file into a process, all published at once (see docs/imports.md).
 * Published instead of one {@link ProposalPublished} per row: a listener reads the batch's proposals through
 * {@link ProposalCatalog#imported(ContributionImportId)}; no one is made to follow them, since no one here wrote them.
 */
public record ContributionImportCommitted(ContributionImportId batch, ProcessId processId, int count) {
}
