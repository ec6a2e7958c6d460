package org.agora.panels;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a selection produced: each respondent's selection probability and a distribution over panels whose marginals
 * are those probabilities.
 */
public record SelectionResult(Algorithm algorithm, int n, int k, Map<String, Double> probabilities,
                              List<WeightedPanel> panels, double seconds) {

    public SelectionResult {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        panels = List.copyOf(panels);
    }

    public double minProbability() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /** The Gini coefficient of the selection probabilities (0 = everybody equal). */
    public double gini() {
        double[] p = probabilities.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int size = p.length;
        double sum = Arrays.stream(p).sum();
        if (size == 0 || sum <= 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < size; i++) {
            weighted += (2.0 * (i + 1) - size - 1) * p[i];
        }
        return weighted / (size * sum);
    }

    /** The share of respondents whose probability is below the threshold (e.g. k/n), with a 1e-6 tolerance for solver noise. */
    public double shareBelow(double threshold) {
        if (probabilities.isEmpty()) {
            return 0;
        }
        long below = probabilities.values().stream().filter(p -> p < threshold - 1e-6).count();
        return (double) below / probabilities.size();
    }
}
