package org.agora.panels;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/** OR-Tools, loaded once: GLOP for linear programs, SCIP (CBC as a fallback) for integer programs. */
final class Solvers {

    private static volatile boolean loaded;

    private Solvers() {
    }

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    static MPSolver linear() {
        load();
        return MPSolver.createSolver("GLOP");
    }

    static MPSolver integer() {
        load();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            solver = MPSolver.createSolver("CBC");
        }
        if (solver == null) {
            throw new IllegalStateException("No integer programming solver (SCIP or CBC) in this OR-Tools build.");
        }
        solver.setNumThreads(1);
        return solver;
    }

    static MPSolverParameters exact() {
        var parameters = new MPSolverParameters();
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        return parameters;
    }

    /**
     * The panel constraints over type counts: {@code 0 <= x[t] <= count(t)}, {@code sum x = k}, every quota, at most one
     * per household. With {@code relax} set, each quota gets slack variables {@link #below} and {@link #above}
     * (bounded by the flex bounds) that the caller minimises.
     */
    static final class PanelModel {
        final MPSolver solver;
        final MPVariable[] x;
        final MPVariable[] below;
        final MPVariable[] above;

        PanelModel(Types types, boolean relax) {
            solver = integer();
            Instance instance = types.instance;
            x = new MPVariable[types.size()];
            for (int t = 0; t < x.length; t++) {
                x[t] = solver.makeIntVar(0, types.count(t), "x" + t);
            }
            MPConstraint size = solver.makeConstraint(instance.k(), instance.k(), "size");
            for (MPVariable v : x) {
                size.setCoefficient(v, 1);
            }
            below = new MPVariable[instance.quotas().size()];
            above = new MPVariable[instance.quotas().size()];
            for (int q = 0; q < below.length; q++) {
                Quota quota = instance.quotas().get(q);
                if (!relax) {
                    MPConstraint c = solver.makeConstraint(quota.min(), quota.max(), "q" + q);
                    for (int t : types.quotaTypes.get(q)) {
                        c.setCoefficient(x[t], 1);
                    }
                    continue;
                }
                below[q] = solver.makeIntVar(0, Math.max(0, quota.min() - quota.lowestMin()), "below" + q);
                above[q] = solver.makeIntVar(0, Math.max(0, quota.highestMax(instance.k()) - quota.max()), "above" + q);
                MPConstraint lower = solver.makeConstraint(quota.min(), MPSolver.infinity(), "lower" + q);
                MPConstraint upper = solver.makeConstraint(-MPSolver.infinity(), quota.max(), "upper" + q);
                for (int t : types.quotaTypes.get(q)) {
                    lower.setCoefficient(x[t], 1);
                    upper.setCoefficient(x[t], 1);
                }
                lower.setCoefficient(below[q], 1);
                upper.setCoefficient(above[q], -1);
            }
            for (var household : types.households) {
                MPConstraint c = solver.makeConstraint(0, 1, "household");
                for (int t : household) {
                    c.setCoefficient(x[t], 1);
                }
            }
        }

        /** Solves; returns the type counts of the best panel, or null when there is none. */
        int[] solve() {
            MPSolver.ResultStatus status = solver.solve(exact());
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return null;
            }
            int[] counts = new int[x.length];
            for (int t = 0; t < x.length; t++) {
                counts[t] = (int) Math.round(x[t].solutionValue());
            }
            return counts;
        }

        void delete() {
            solver.delete();
        }
    }
}
