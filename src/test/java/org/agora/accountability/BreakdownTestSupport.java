package org.agora.accountability;

import java.util.List;

import org.agora.proposals.PublicProposal;

/** The evaluation test bed, plus answering a proposal all the way to publication in one call. */
abstract class BreakdownTestSupport extends EvaluationTestSupport {

    /** Assigns, answers with this destination (linked to a new target it fed), validates and publishes. */
    void publishAnswer(PublicProposal proposal, DestinationKind kind, String text) {
        List<Long> ids = List.of(proposal.id().value());
        management.assign(evaluator, processId, ids, evaluator.id());
        management.propose(evaluator, processId, proposal.id().value(), version(proposal),
                new EvaluationManagement.AnswerDraft(destination(kind), text,
                        kind == DestinationKind.NOT_RETAINED ? "Hors compétence" : "", linkFor(destination(kind))));
        management.validate(administrator, processId, ids);
        management.publishValidated(administrator, processId, ids);
    }
}
