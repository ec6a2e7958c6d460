package org.agora.proposals;

/** An action the rules do not allow now (phase closed, proposal withdrawn, limit reached...); nothing was changed. */
class ProposalRefused extends RuntimeException {

    private final String key;

    ProposalRefused(String key) {
        super(key, null, false, false);
        this.key = key;
    }

    String key() {
        return key;
    }
}
