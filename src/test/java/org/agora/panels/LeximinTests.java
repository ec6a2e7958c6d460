package org.agora.panels;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LeximinTests {

    static HandComputedExamples examples;

    @BeforeAll
    static void readExamples() throws Exception {
        assumeTrue(HandComputedExamples.present(), "Shared sortition data absent (" + HandComputedExamples.SHARED.toAbsolutePath()
                + "): the hand-computed LEXIMIN checks are skipped; they run in CI, where the folder is present.");
        examples = new HandComputedExamples();
    }

    @Test
    void reachesTheHandComputedMaximinMarginalsWithoutHouseholdCheck() {
        for (String name : List.of("example1", "example3")) {
            SelectionResult result = PanelSelection.select(examples.instance(name, false), Algorithm.LEXIMIN);

            assertMarginals(result, examples.expected(name, "maximin_no_household_check"));
        }
    }

    @Test
    void keepsTwoPeopleOfTheSameHouseholdApart() {
        Instance instance = examples.instance("example1", true);

        SelectionResult result = PanelSelection.select(instance, Algorithm.LEXIMIN);

        assertMarginals(result, examples.expected("example1", "maximin_with_household_check"));
        assertThat(result.panels()).noneMatch(p -> p.members().containsAll(List.of("lisa", "scrooge")));
    }

    @Test
    void raisesTheTwoScarcePeopleToOneHalf() {
        SelectionResult result = PanelSelection.select(examples.instance("example5", false), Algorithm.LEXIMIN);

        assertThat(result.minProbability()).isCloseTo(0.5, within(1e-4));
        assertThat(result.probabilities().get("elinor")).isCloseTo(0.5, within(1e-4));
        assertThat(result.probabilities().get("grace")).isCloseTo(0.5, within(1e-4));
    }

    @Test
    void givesNothingToWhoeverFitsInNoPanelAndTheSameToEveryoneElse() {
        SelectionResult result = PanelSelection.select(examples.example6(), Algorithm.LEXIMIN);

        assertThat(result.probabilities().get("p61")).isCloseTo(0, within(1e-9));
        result.probabilities().forEach((id, p) -> {
            if (!id.equals("p61")) {
                assertThat(p).as(id).isCloseTo(46.0 / 60, within(1e-4));
            }
        });
        assertConsistent(result, examples.example6());
    }

    @Test
    void explainsThatExampleFourCannotBeRelaxedWithinItsFlex() {
        Instance instance = examples.instance("example4_infeasible", false);

        var error = catchThrowableOfType(InfeasibleQuotasException.class, () -> PanelSelection.select(instance, Algorithm.LEXIMIN));

        assertThat(error.relaxedQuotas()).isEmpty();
        assertThat(error.explanation()).contains("No relaxation within min_flex/max_flex makes a panel possible.");
    }

    static void assertMarginals(SelectionResult result, Map<String, Double> expected) {
        expected.forEach((id, p) -> assertThat(result.probabilities().get(id)).as(id).isCloseTo(p, within(1e-4)));
    }

    /** Every panel has k distinct members and satisfies the quotas; the weights sum to 1; marginals match the panels. */
    static void assertConsistent(SelectionResult result, Instance instance) {
        double total = 0;
        for (WeightedPanel panel : result.panels()) {
            total += panel.probability();
            assertThat(panel.members()).hasSize(instance.k()).doesNotHaveDuplicates();
            for (Quota q : instance.quotas()) {
                long seated = instance.pool().stream()
                        .filter(r -> panel.members().contains(r.id()) && q.value().equals(r.features().get(q.feature()))).count();
                assertThat(seated).as(q.toString()).isBetween((long) q.min(), (long) q.max());
            }
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(instance.k(), within(1e-6));
    }
}
