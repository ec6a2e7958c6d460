package org.agora.proposals;

/** One broken rule of the proposal form: the field it concerns and the message key explaining it. */
record ProposalProblem(String field, String key) {
}
