package org.agora.panels;

import java.util.HashSet;
import java.util.List;

/** A selection problem: a panel of {@code k} seats, the quotas and the pool of volunteers (ids unique). */
public record Instance(int k, List<Quota> quotas, List<Respondent> pool) {

    public Instance {
        quotas = List.copyOf(quotas);
        pool = List.copyOf(pool);
        if (k <= 0) {
            throw new IllegalArgumentException("The panel size must be positive, got " + k + ".");
        }
        if (k > pool.size()) {
            throw new IllegalArgumentException("The panel size " + k + " exceeds the pool of " + pool.size() + " volunteers.");
        }
        var ids = new HashSet<String>();
        for (Respondent r : pool) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("Duplicate respondent id " + r.id() + ".");
            }
        }
    }

    /** The features named by the quotas, in first-seen order. */
    List<String> features() {
        return quotas.stream().map(Quota::feature).distinct().toList();
    }
}
