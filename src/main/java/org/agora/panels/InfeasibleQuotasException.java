package org.agora.panels;

import java.util.List;

/**
 * No panel satisfies every quota (and the household rule). Carries a human-readable explanation of which quotas cannot
 * hold together and the smallest relaxation that makes a panel possible (within min_flex/max_flex when given; empty
 * when none exists).
 */
public class InfeasibleQuotasException extends RuntimeException {

    private final List<InfeasibilityReason> reasons;
    private final List<Quota> relaxedQuotas;

    public InfeasibleQuotasException(List<InfeasibilityReason> reasons, List<Quota> relaxedQuotas) {
        super(String.join("\n", reasons.stream().map(InfeasibilityReason::english).toList()));
        this.reasons = List.copyOf(reasons);
        this.relaxedQuotas = List.copyOf(relaxedQuotas);
    }

    /** The explanation in English, a line each (the command line prints it). */
    public List<String> explanation() {
        return reasons.stream().map(InfeasibilityReason::english).toList();
    }

    public List<InfeasibilityReason> reasons() {
        return reasons;
    }

    public List<Quota> relaxedQuotas() {
        return relaxedQuotas;
    }
}
