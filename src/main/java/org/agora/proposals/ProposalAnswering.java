package org.agora.proposals;

import java.time.Instant;

/** What accountability may tell proposals: a proposal was answered (its text is frozen from then on). */
public interface ProposalAnswering {

    /** Sets the answer time once; a second call keeps the first time. */
    void markAnswered(ProposalId id, Instant when);
}
