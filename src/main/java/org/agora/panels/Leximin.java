package org.agora.panels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * LEXIMIN by column generation (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021), over types (see {@link Types}).
 * <p>
 * The outer loop raises the lowest probability as far as it goes, fixes the types that cannot go higher, and starts
 * again with the others. Each round solves the dual of "maximise z such that every unfixed type's probability is at
 * least z and every fixed type keeps its value" over the panels found so far; an integer program then looks for a
 * panel that the dual prices above its bound; when there is none the round's value is optimal and the types with a
 * positive dual weight are exactly those that cannot rise. Probabilities are equal within a type, so the type-level
 * distribution is finally expanded into panels of people whose marginals match exactly ({@link #expand}).
 */
final class Leximin {

    /** A new panel must beat the dual bound by this much to be added. */
    static final double PRICING_EPS = 1e-7;
    /** A dual weight above this marks a type whose probability cannot rise. */
    static final double FIX_EPS = 1e-6;

    private Leximin() {
    }

    static SelectionResult select(Instance instance) {
        long start = System.nanoTime();
        Types types = Types.of(instance);
        int size = types.size();
        var pricing = new Solvers.PanelModel(types, false);
        List<int[]> panels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double[] fixed = new double[size];
        boolean[] isFixed = new boolean[size];
        try {
            int[] first = pricing.solve();
            if (first == null) {
                throw QuotaRelaxation.explain(instance, types);
            }
            add(panels, seen, first);
            cover(types, pricing, panels, seen, fixed, isFixed);
            while (anyUnfixed(isFixed)) {
                raiseLowest(types, pricing, panels, seen, fixed, isFixed);
            }
        } finally {
            pricing.delete();
        }
        double[] lambda = distribution(types, panels, fixed);
        List<WeightedPanel> individual = expand(types, panels, lambda);
        Map<String, Double> probabilities = marginals(instance, individual);
        return new SelectionResult(Algorithm.LEXIMIN, instance.pool().size(), instance.k(), probabilities, individual,
                (System.nanoTime() - start) / 1e9);
    }

    /** Finds a panel for every type that sits on one; the types that sit on none get probability 0. */
    private static void cover(Types types, Solvers.PanelModel pricing, List<int[]> panels, Set<String> seen,
                              double[] fixed, boolean[] isFixed) {
        boolean[] covered = new boolean[types.size()];
        mark(covered, panels.getFirst());
        while (true) {
            boolean open = false;
            for (int t = 0; t < covered.length; t++) {
                pricing.solver.objective().setCoefficient(pricing.x[t], covered[t] ? 0 : 1.0 / types.count(t));
                open |= !covered[t];
            }
            if (!open) {
                return;
            }
            pricing.solver.objective().setMaximization();
            int[] panel = pricing.solve();
            if (panel == null) {
                throw new IllegalStateException("The panel program failed after a panel had been found.");
            }
            boolean progress = false;
            for (int t = 0; t < covered.length; t++) {
                progress |= !covered[t] && panel[t] > 0;
            }
            if (!progress) {
                for (int t = 0; t < covered.length; t++) {
                    if (!covered[t]) {
                        isFixed[t] = true;
                        fixed[t] = 0;
                    }
                }
                return;
            }
            add(panels, seen, panel);
            mark(covered, panel);
        }
    }

    /** One round of the outer loop: the highest achievable lowest probability among unfixed types, and who is stuck there. */
    private static void raiseLowest(Types types, Solvers.PanelModel pricing, List<int[]> panels, Set<String> seen,
                                    double[] fixed, boolean[] isFixed) {
        int size = types.size();
        MPSolver dual = Solvers.linear();
        try {
            MPVariable mu = dual.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "mu");
            MPVariable[] y = new MPVariable[size];
            MPConstraint unfixedSum = dual.makeConstraint(1, 1, "unfixed");
            for (int t = 0; t < size; t++) {
                y[t] = dual.makeNumVar(0, MPSolver.infinity(), "y" + t);
                if (!isFixed[t]) {
                    unfixedSum.setCoefficient(y[t], 1);
                } else {
                    dual.objective().setCoefficient(y[t], -fixed[t]);
                }
            }
            dual.objective().setCoefficient(mu, 1);
            dual.objective().setMinimization();
            for (int[] panel : panels) {
                addRow(dual, mu, y, types, panel);
            }
            double[] weights = new double[size];
            double z;
            while (true) {
                MPSolver.ResultStatus status = dual.solve();
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    // GLOP re-solves incrementally from the previous basis after each new row; on the degenerate duals
                    // that household ties make (single-person types with the same features as a larger type), that
                    // warm start can end in ABNORMAL although the program is fine. Solved from scratch it is.
                    dual.reset();
                    status = dual.solve();
                }
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    throw new IllegalStateException("The LEXIMIN dual program could not be solved: " + status);
                }
                for (int t = 0; t < size; t++) {
                    weights[t] = y[t].solutionValue();
                    pricing.solver.objective().setCoefficient(pricing.x[t], weights[t] / types.count(t));
                }
                pricing.solver.objective().setMaximization();
                int[] panel = pricing.solve();
                if (panel == null) {
                    throw new IllegalStateException("The panel program failed after a panel had been found.");
                }
                double value = 0;
                for (int t = 0; t < size; t++) {
                    value += weights[t] * panel[t] / types.count(t);
                }
                if (value > mu.solutionValue() + PRICING_EPS && add(panels, seen, panel)) {
                    addRow(dual, mu, y, types, panel);
                    continue;
                }
                z = dual.objective().value();
                break;
            }
            boolean any = false;
            int heaviest = -1;
            for (int t = 0; t < size; t++) {
                if (isFixed[t]) {
                    continue;
                }
                if (heaviest < 0 || weights[t] > weights[heaviest]) {
                    heaviest = t;
                }
                if (weights[t] > FIX_EPS) {
                    isFixed[t] = true;
                    fixed[t] = Math.max(0, z);
                    any = true;
                }
            }
            if (!any) {
                isFixed[heaviest] = true;
                fixed[heaviest] = Math.max(0, z);
            }
        } finally {
            dual.delete();
        }
    }

    private static void addRow(MPSolver dual, MPVariable mu, MPVariable[] y, Types types, int[] panel) {
        MPConstraint row = dual.makeConstraint(0, MPSolver.infinity());
        row.setCoefficient(mu, 1);
        for (int t = 0; t < panel.length; t++) {
            if (panel[t] > 0) {
                row.setCoefficient(y[t], -(double) panel[t] / types.count(t));
            }
        }
    }

    /** Weights over the type-level panels that give every type at least its fixed probability. */
    private static double[] distribution(Types types, List<int[]> panels, double[] fixed) {
        for (double slack : new double[] {1e-9, 1e-7, 1e-5}) {
            MPSolver primal = Solvers.linear();
            try {
                MPVariable[] lambda = new MPVariable[panels.size()];
                MPConstraint sum = primal.makeConstraint(1, 1, "sum");
                for (int p = 0; p < lambda.length; p++) {
                    lambda[p] = primal.makeNumVar(0, 1, "l" + p);
                    sum.setCoefficient(lambda[p], 1);
                }
                for (int t = 0; t < types.size(); t++) {
                    if (fixed[t] <= 0) {
                        continue;
                    }
                    MPConstraint c = primal.makeConstraint(fixed[t] - slack, MPSolver.infinity(), "t" + t);
                    for (int p = 0; p < lambda.length; p++) {
                        int x = panels.get(p)[t];
                        if (x > 0) {
                            c.setCoefficient(lambda[p], (double) x / types.count(t));
                        }
                    }
                }
                if (primal.solve() == MPSolver.ResultStatus.OPTIMAL) {
                    double[] weights = new double[lambda.length];
                    double total = 0;
                    for (int p = 0; p < lambda.length; p++) {
                        weights[p] = Math.max(0, lambda[p].solutionValue());
                        if (weights[p] < 1e-12) {
                            weights[p] = 0;
                        }
                        total += weights[p];
                    }
                    for (int p = 0; p < lambda.length; p++) {
                        weights[p] /= total;
                    }
                    return weights;
                }
            } finally {
                primal.delete();
            }
        }
        throw new IllegalStateException("The LEXIMIN distribution could not be rebuilt from its panels.");
    }

    /**
     * Turns each type-level panel into panels of people with exactly equal marginals within each type, by systematic
     * sampling with one offset u shared by all types: member j (0-based) of a type with c members of whom x sit is
     * chosen when [j·x/c + u, (j+1)·x/c + u) holds an integer. Exactly x members are chosen for every u, each for a
     * share x/c of the offsets, and the chosen set only changes at multiples of 1/c. Pieces follow each other by
     * increasing u, so that each person's panels are contiguous (one run, two when the arc wraps): this keeps the
     * lottery's rounding error small (see {@link Lottery}).
     */
    static List<WeightedPanel> expand(Types types, List<int[]> panels, double[] lambda) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (Respondent r : types.instance.pool()) {
            order.put(r.id(), order.size());
        }
        var result = new ArrayList<WeightedPanel>();
        for (int p = 0; p < panels.size(); p++) {
            if (lambda[p] <= 0) {
                continue;
            }
            int[] panel = panels.get(p);
            var cuts = new java.util.TreeSet<Double>();
            cuts.add(0.0);
            cuts.add(1.0);
            for (int t = 0; t < panel.length; t++) {
                int c = types.count(t);
                int x = panel[t];
                if (x > 0 && x < c) {
                    int step = gcd(x, c);
                    for (int m = 1; m * step < c; m++) {
                        cuts.add((double) (m * step) / c);
                    }
                }
            }
            Double[] points = cuts.toArray(Double[]::new);
            for (int i = 0; i + 1 < points.length; i++) {
                double width = points[i + 1] - points[i];
                if (width <= 0) {
                    continue;
                }
                double u = (points[i] + points[i + 1]) / 2;
                var members = new ArrayList<String>(types.instance.k());
                for (int t = 0; t < panel.length; t++) {
                    int c = types.count(t);
                    int x = panel[t];
                    List<Respondent> people = types.members.get(t);
                    for (int j = 0; j < c && x > 0; j++) {
                        if (x == c || Math.floor((double) (j + 1) * x / c + u) > Math.floor((double) j * x / c + u)) {
                            members.add(people.get(j).id());
                        }
                    }
                }
                members.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
                result.add(new WeightedPanel(lambda[p] * width, members));
            }
        }
        return result;
    }

    static Map<String, Double> marginals(Instance instance, List<WeightedPanel> panels) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (Respondent r : instance.pool()) {
            probabilities.put(r.id(), 0.0);
        }
        for (WeightedPanel panel : panels) {
            for (String id : panel.members()) {
                probabilities.merge(id, panel.probability(), Double::sum);
            }
        }
        return probabilities;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static boolean add(List<int[]> panels, Set<String> seen, int[] panel) {
        if (seen.add(Arrays.toString(panel))) {
            panels.add(panel);
            return true;
        }
        return false;
    }

    private static void mark(boolean[] covered, int[] panel) {
        for (int t = 0; t < panel.length; t++) {
            covered[t] |= panel[t] > 0;
        }
    }

    private static boolean anyUnfixed(boolean[] isFixed) {
        for (boolean f : isFixed) {
            if (!f) {
                return true;
            }
        }
        return false;
    }
}
