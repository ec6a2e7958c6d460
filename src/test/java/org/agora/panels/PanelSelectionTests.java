package org.agora.panels;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.junit.jupiter.api.Test;

import static org.agora.panels.PanelFilesTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** Selection on the project's own Loiret fixture (ten volunteers, two of them sharing a flat). */
class PanelSelectionTests {

    static Instance loiret(int k, boolean households) {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("loiret-quotas.csv"));
        return new Instance(k, quotas, PanelFiles.readPool(fixture("loiret-pool.csv"), quotas,
                households ? List.of("address", "postcode") : List.of()));
    }

    @Test
    void reachesTheBestLowestProbabilityThatAnyDistributionOverAllPanelsReaches() {
        Instance instance = loiret(5, true);

        SelectionResult result = PanelSelection.select(instance, Algorithm.LEXIMIN);

        assertThat(result.minProbability()).isCloseTo(bruteForceMaximin(instance), within(1e-6));
        LeximinTests.assertConsistent(result, instance);
        assertThat(result.panels()).noneMatch(p -> p.members().containsAll(List.of("L01", "L04")));
        assertThat(result.panels()).noneMatch(p -> p.members().containsAll(List.of("L09", "L10")));
    }

    @Test
    void reportsTheGiniCoefficientAndTheShareBelowAThreshold() {
        var result = new SelectionResult(Algorithm.LEXIMIN, 4, 2, Map.of("a", 0.0, "b", 0.5, "c", 0.5, "d", 1.0), List.of(), 0);

        assertThat(result.gini()).isCloseTo(0.375, within(1e-12));
        assertThat(result.shareBelow(0.5)).isEqualTo(0.25);
        assertThat(result.minProbability()).isZero();
    }

    @Test
    void legacyGivesTheSameEstimateForTheSameSeedAndAnotherForAnotherSeed() {
        Instance instance = loiret(5, true);

        SelectionResult first = PanelSelection.select(instance, Algorithm.LEGACY, 42);
        SelectionResult again = PanelSelection.select(instance, Algorithm.LEGACY, 42);
        SelectionResult other = PanelSelection.select(instance, Algorithm.LEGACY, 43);

        assertThat(again.probabilities()).isEqualTo(first.probabilities());
        assertThat(again.panels()).isEqualTo(first.panels());
        assertThat(other.probabilities()).isNotEqualTo(first.probabilities());
        LeximinTests.assertConsistent(first, instance);
        assertThat(first.panels()).noneMatch(p -> p.members().containsAll(List.of("L01", "L04")));
        assertThat(first.minProbability()).isLessThanOrEqualTo(PanelSelection.select(instance, Algorithm.LEXIMIN).minProbability() + 0.02);
    }

    @Test
    void explainsConflictingMinimumsAndTooFewVolunteersAndProposesTheSmallestRelaxation() {
        List<Quota> quotas = PanelFiles.readQuotas(new StringReader("""
                feature,value,min,max,min_flex,max_flex
                genre,femme,4,5,2,5
                genre,homme,3,5,2,5
                milieu,urbain,0,6,,
                milieu,rural,5,6,,
                """));
        Instance instance = new Instance(6, quotas, PanelFiles.readPool(fixture("loiret-pool.csv"), quotas, List.of()));

        var error = catchThrowableOfType(InfeasibleQuotasException.class, () -> PanelSelection.select(instance, Algorithm.LEXIMIN));

        assertThat(error.explanation()).contains(
                "genre: the minimums add up to 7 but the panel has 6 seats.",
                "Only 4 volunteers have milieu = \"rural\" but the minimum is 5.");
        int relaxation = 0;
        for (int q = 0; q < quotas.size(); q++) {
            relaxation += quotas.get(q).min() - error.relaxedQuotas().get(q).min() + error.relaxedQuotas().get(q).max() - quotas.get(q).max();
        }
        assertThat(relaxation).isEqualTo(2);
        assertThat(error.relaxedQuotas().get(3).min()).isEqualTo(4);
        SelectionResult relaxed = PanelSelection.select(new Instance(6, error.relaxedQuotas(), instance.pool()), Algorithm.LEXIMIN);
        assertThat(relaxed.minProbability()).isGreaterThan(0);
    }

    @Test
    void saysWhenTooFewHouseholdsAreLeftForThePanel() {
        List<Quota> quotas = List.of(new Quota("genre", "femme", 0, 3), new Quota("genre", "homme", 0, 3));
        var pool = List.of(
                new Respondent("m1", Map.of("genre", "femme"), "maison"),
                new Respondent("m2", Map.of("genre", "homme"), "maison"),
                new Respondent("m3", Map.of("genre", "homme"), "ferme"));

        assertThatThrownBy(() -> PanelSelection.select(new Instance(3, quotas, pool), Algorithm.LEGACY))
                .isInstanceOf(InfeasibleQuotasException.class)
                .hasMessageContaining("Only 2 volunteers live in different households but the panel has 3 seats.");
    }

    /** The maximin value over every feasible panel, enumerated: an independent check of the column generation. */
    static double bruteForceMaximin(Instance instance) {
        List<List<Respondent>> panels = new ArrayList<>();
        enumerate(instance, 0, new ArrayList<>(), panels);
        MPSolver lp = Solvers.linear();
        try {
            MPVariable z = lp.makeNumVar(0, 1, "z");
            MPVariable[] lambda = new MPVariable[panels.size()];
            MPConstraint sum = lp.makeConstraint(1, 1);
            for (int p = 0; p < lambda.length; p++) {
                lambda[p] = lp.makeNumVar(0, 1, "l" + p);
                sum.setCoefficient(lambda[p], 1);
            }
            for (Respondent r : instance.pool()) {
                MPConstraint c = lp.makeConstraint(0, MPSolver.infinity());
                c.setCoefficient(z, -1);
                for (int p = 0; p < lambda.length; p++) {
                    if (panels.get(p).contains(r)) {
                        c.setCoefficient(lambda[p], 1);
                    }
                }
            }
            lp.objective().setCoefficient(z, 1);
            lp.objective().setMaximization();
            lp.solve();
            return z.solutionValue();
        } finally {
            lp.delete();
        }
    }

    private static void enumerate(Instance instance, int from, List<Respondent> chosen, List<List<Respondent>> panels) {
        if (chosen.size() == instance.k()) {
            if (Replacement.keepsQuotas(instance, chosen)
                    && chosen.stream().map(Respondent::household).filter(h -> h != null).distinct().count()
                    == chosen.stream().filter(r -> r.household() != null).count()) {
                panels.add(List.copyOf(chosen));
            }
            return;
        }
        for (int i = from; i < instance.pool().size(); i++) {
            chosen.add(instance.pool().get(i));
            enumerate(instance, i + 1, chosen, panels);
            chosen.removeLast();
        }
    }
}
