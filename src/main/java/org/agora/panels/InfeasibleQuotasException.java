package org.agora.panels;

import java.util.List;

/**
 * No panel satisfies every quota (and the household rule). Carries a human-readable explanation of which quotas cannot
 * hold together and the smallest relaxation that makes a panel possible (within min_flex/max_flex when given; empty
 * when none exists).
 */
public class InfeasibleQuotasException extends RuntimeException {

    private final List<String> explanation;
    private final List<Quota> relaxedQuotas;

    public InfeasibleQuotasException(List<String> explanation, List<Quota> relaxedQuotas) {
        super(String.join("\n", explanation));
        this.explanation = List.copyOf(explanation);
        this.relaxedQuotas = List.copyOf(relaxedQuotas);
    }

    public List<String> explanation() {
        return explanation;
    }

    public List<Quota> relaxedQuotas() {
        return relaxedQuotas;
    }
}
