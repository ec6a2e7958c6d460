package org.agora.panels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * Why no panel satisfies the quotas, and the smallest relaxation that makes one possible: an integer program with,
 * for each quota, a slack below its minimum (down to min_flex, 0 when absent) and above its maximum (up to max_flex,
 * the panel size when absent), minimising the total slack under the same panel constraints.
 */
final class QuotaRelaxation {

    private QuotaRelaxation() {
    }

    static InfeasibleQuotasException explain(Instance instance, Types types) {
        var explanation = new ArrayList<InfeasibilityReason>();
        int k = instance.k();
        for (String feature : instance.features()) {
            List<Quota> quotas = instance.quotas().stream().filter(q -> q.feature().equals(feature)).toList();
            int minimums = quotas.stream().mapToInt(Quota::min).sum();
            int maximums = quotas.stream().mapToInt(Quota::max).sum();
            Set<String> values = new HashSet<>();
            quotas.forEach(q -> values.add(q.value()));
            boolean everyoneCounts = instance.pool().stream().allMatch(r -> values.contains(r.features().get(feature)));
            if (minimums > k) {
                explanation.add(InfeasibilityReason.of("minimums", feature, minimums, k));
            }
            if (everyoneCounts && maximums < k) {
                explanation.add(InfeasibilityReason.of("maximums", feature, maximums, k));
            }
        }
        for (int q = 0; q < instance.quotas().size(); q++) {
            Quota quota = instance.quotas().get(q);
            int available = available(types, types.quotaTypes.get(q));
            if (available < quota.min()) {
                explanation.add(InfeasibilityReason.of(types.households.isEmpty() ? "available" : "availableHouseholds",
                        available, quota.feature(), quota.value(), quota.min()));
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            all.add(t);
        }
        int households = available(types, all);
        if (households < k) {
            explanation.add(InfeasibilityReason.of("households", households, k));
        }
        if (explanation.isEmpty()) {
            explanation.add(InfeasibilityReason.of("conflict"));
        }
        List<Quota> relaxed = relax(instance, types);
        if (relaxed.isEmpty()) {
            explanation.add(InfeasibilityReason.of("noRelaxation"));
        } else {
            explanation.add(InfeasibilityReason.of("relaxation"));
            for (int q = 0; q < relaxed.size(); q++) {
                Quota before = instance.quotas().get(q);
                Quota after = relaxed.get(q);
                if (after.min() != before.min()) {
                    explanation.add(InfeasibilityReason.of("relaxMin", before.feature(), before.value(), before.min(), after.min()));
                }
                if (after.max() != before.max()) {
                    explanation.add(InfeasibilityReason.of("relaxMax", before.feature(), before.value(), before.max(), after.max()));
                }
            }
        }
        return new InfeasibleQuotasException(explanation, relaxed);
    }

    /** The most people with one of these types a panel can hold under the household rule alone. */
    private static int available(Types types, List<Integer> typeIndexes) {
        Set<Integer> tiedTypes = new HashSet<>();
        int count = 0;
        for (List<Integer> household : types.households) {
            for (int t : household) {
                tiedTypes.add(t);
            }
            if (household.stream().anyMatch(typeIndexes::contains)) {
                count++;
            }
        }
        for (int t : typeIndexes) {
            if (!tiedTypes.contains(t)) {
                count += types.count(t);
            }
        }
        return count;
    }

    /** All the quotas after the smallest relaxation, or an empty list when no relaxation within the flex bounds helps. */
    static List<Quota> relax(Instance instance, Types types) {
        if (instance.quotas().stream().anyMatch(q -> !q.flexConsistent(instance.k()))) {
            return List.of();
        }
        var model = new Solvers.PanelModel(types, true);
        try {
            for (int q = 0; q < model.below.length; q++) {
                model.solver.objective().setCoefficient(model.below[q], 1);
                model.solver.objective().setCoefficient(model.above[q], 1);
            }
            model.solver.objective().setMinimization();
            if (model.solve() == null) {
                return List.of();
            }
            var relaxed = new ArrayList<Quota>();
            for (int q = 0; q < model.below.length; q++) {
                Quota quota = instance.quotas().get(q);
                int below = (int) Math.round(model.below[q].solutionValue());
                int above = (int) Math.round(model.above[q].solutionValue());
                relaxed.add(new Quota(quota.feature(), quota.value(), quota.min() - below, quota.max() + above,
                        quota.minFlex(), quota.maxFlex()));
            }
            return relaxed;
        } finally {
            model.delete();
        }
    }

    static boolean feasible(Types types) {
        var model = new Solvers.PanelModel(types, false);
        try {
            return model.solve() != null;
        } finally {
            model.delete();
        }
    }
}
