package org.agora.accountability;

import java.time.Instant;

import org.agora.processes.ProcessId;
import org.agora.proposals.ProposalId;

/** An answer to a proposal was published: a public record. */
public record ProposalAnswered(ProposalId proposalId, ProcessId processId, String destinationLabel,
                               DestinationKind destinationKind, String answerText, Instant publishedAt) {
}
