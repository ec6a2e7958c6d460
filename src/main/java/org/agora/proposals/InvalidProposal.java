package org.agora.proposals;

import java.util.List;

/** The form broke one or more rules; nothing was stored. */
class InvalidProposal extends RuntimeException {

    private final List<ProposalProblem> problems;

    InvalidProposal(List<ProposalProblem> problems) {
        super("Invalid proposal", null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<ProposalProblem> problems() {
        return problems;
    }
}
