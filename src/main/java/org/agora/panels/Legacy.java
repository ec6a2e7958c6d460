package org.agora.panels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The greedy method the Sortition Foundation used before LEXIMIN ("legacy"): seat people one at a time; each time,
 * take the quota whose remaining need is most pressing — the largest (minimum − seated) / (volunteers left with that
 * value), the first in file order on a tie — and seat a volunteer left in it, uniformly at random. When a quota
 * reaches its maximum, everyone left with that value is set aside; so is everyone in the household of a seated
 * person. An attempt that runs out of volunteers is retried. The selection probabilities are estimated by repeating
 * the draw ({@link #RUNS} times) from one seeded generator, so that the same seed gives the same result.
 */
final class Legacy {

    static final int RUNS = 10_000;

    private Legacy() {
    }

    static SelectionResult select(Instance instance, long seed, int runs) {
        long start = System.nanoTime();
        Types types = Types.of(instance);
        if (!QuotaRelaxation.feasible(types)) {
            throw QuotaRelaxation.explain(instance, types);
        }
        var draw = new Draw(instance);
        var random = new SplittableRandom(seed);
        Map<Key, Integer> counts = new LinkedHashMap<>();
        int successes = 0;
        int failures = 0;
        while (successes < runs) {
            int[] panel = draw.attempt(random);
            if (panel == null) {
                if (++failures > 100L * runs + 1000) {
                    throw new IllegalStateException("LEGACY failed to complete a panel in " + failures + " attempts.");
                }
                continue;
            }
            Arrays.sort(panel);
            counts.merge(new Key(panel), 1, Integer::sum);
            successes++;
        }
        List<Respondent> pool = instance.pool();
        var panels = new ArrayList<WeightedPanel>(counts.size());
        double[] probability = new double[pool.size()];
        for (var entry : counts.entrySet()) {
            double weight = (double) entry.getValue() / runs;
            var members = new ArrayList<String>(entry.getKey().people.length);
            for (int person : entry.getKey().people) {
                members.add(pool.get(person).id());
                probability[person] += weight;
            }
            panels.add(new WeightedPanel(weight, members));
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            probabilities.put(pool.get(i).id(), probability[i]);
        }
        return new SelectionResult(Algorithm.LEGACY, pool.size(), instance.k(), probabilities, panels,
                (System.nanoTime() - start) / 1e9);
    }

    private record Key(int[] people) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(people, key.people);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(people);
        }
    }

    /** One greedy draw, with per-quota lists of the volunteers left (swap-remove in constant time). */
    private static final class Draw {
        final int k;
        final int n;
        final List<Quota> quotas;
        final int[][] quotasOf;
        final int[][] housemates;
        final int[][] left;
        final int[] leftSize;
        final int[][] position;
        final int[] seated;
        final boolean[] gone;

        Draw(Instance instance) {
            k = instance.k();
            quotas = instance.quotas();
            List<Respondent> pool = instance.pool();
            n = pool.size();
            quotasOf = new int[n][];
            var members = new ArrayList<List<Integer>>();
            for (int q = 0; q < quotas.size(); q++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                var mine = new ArrayList<Integer>();
                for (int q = 0; q < quotas.size(); q++) {
                    if (quotas.get(q).value().equals(pool.get(i).features().get(quotas.get(q).feature()))) {
                        mine.add(q);
                        members.get(q).add(i);
                    }
                }
                quotasOf[i] = mine.stream().mapToInt(Integer::intValue).toArray();
            }
            Map<String, List<Integer>> households = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (pool.get(i).household() != null) {
                    households.computeIfAbsent(pool.get(i).household(), h -> new ArrayList<>()).add(i);
                }
            }
            housemates = new int[n][];
            for (int i = 0; i < n; i++) {
                String household = pool.get(i).household();
                int self = i;
                housemates[i] = household == null ? new int[0]
                        : households.get(household).stream().filter(j -> j != self).mapToInt(Integer::intValue).toArray();
            }
            left = new int[quotas.size()][];
            leftSize = new int[quotas.size()];
            position = new int[quotas.size()][n];
            for (int q = 0; q < quotas.size(); q++) {
                left[q] = members.get(q).stream().mapToInt(Integer::intValue).toArray();
            }
            seated = new int[quotas.size()];
            gone = new boolean[n];
        }

        /** The seated people, or null when this attempt ran out of volunteers. */
        int[] attempt(SplittableRandom random) {
            Arrays.fill(gone, false);
            Arrays.fill(seated, 0);
            for (int q = 0; q < quotas.size(); q++) {
                leftSize[q] = left[q].length;
                for (int p = 0; p < left[q].length; p++) {
                    position[q][left[q][p]] = p;
                }
            }
            for (int q = 0; q < quotas.size(); q++) {
                if (quotas.get(q).max() == 0) {
                    while (leftSize[q] > 0) {
                        if (!remove(left[q][leftSize[q] - 1])) {
                            return null;
                        }
                    }
                }
            }
            int[] panel = new int[k];
            for (int s = 0; s < k; s++) {
                int chosenQuota = -1;
                double highest = Double.NEGATIVE_INFINITY;
                for (int q = 0; q < quotas.size(); q++) {
                    Quota quota = quotas.get(q);
                    if (leftSize[q] == 0 || quota.max() == 0) {
                        continue;
                    }
                    double ratio = (double) (quota.min() - seated[q]) / leftSize[q];
                    if (ratio > highest) {
                        highest = ratio;
                        chosenQuota = q;
                    }
                }
                if (chosenQuota < 0 || highest > 1) {
                    return null;
                }
                int person = left[chosenQuota][random.nextInt(leftSize[chosenQuota])];
                panel[s] = person;
                for (int q : quotasOf[person]) {
                    seated[q]++;
                }
                if (!remove(person)) {
                    return null;
                }
                for (int q : quotasOf[person]) {
                    if (seated[q] == quotas.get(q).max()) {
                        while (leftSize[q] > 0) {
                            if (!remove(left[q][leftSize[q] - 1])) {
                                return null;
                            }
                        }
                    }
                }
                for (int housemate : housemates[person]) {
                    if (!gone[housemate] && !remove(housemate)) {
                        return null;
                    }
                }
            }
            for (int q = 0; q < quotas.size(); q++) {
                if (seated[q] < quotas.get(q).min()) {
                    return null;
                }
            }
            return panel;
        }

        /** Takes a person out of every list; false when a minimum can no longer be met. */
        private boolean remove(int person) {
            gone[person] = true;
            boolean ok = true;
            for (int q : quotasOf[person]) {
                int p = position[q][person];
                int last = left[q][--leftSize[q]];
                left[q][p] = last;
                position[q][last] = p;
                left[q][leftSize[q]] = person;
                position[q][person] = leftSize[q];
                if (leftSize[q] < quotas.get(q).min() - seated[q]) {
                    ok = false;
                }
            }
            return ok;
        }
    }
}
