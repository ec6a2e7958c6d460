package org.agora.proposals;

/** Identifies a proposal; other modules refer to a proposal only through it (or a ResourceRef of type "proposal"). */
public record ProposalId(long value) {

    public ProposalId {
        if (value <= 0) {
            throw new IllegalArgumentException("A proposal id is positive");
        }
    }
}
