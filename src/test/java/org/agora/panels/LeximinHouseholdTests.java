package org.agora.panels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LEXIMIN on pools where several couples share a household (issue 6: the dual program stopped with ABNORMAL). */
class LeximinHouseholdTests {

    private static final List<Quota> QUOTAS = List.of(
            new Quota("genre", "femme", 9, 11), new Quota("genre", "homme", 9, 11),
            new Quota("âge", "16-29", 3, 5), new Quota("âge", "30-44", 4, 6),
            new Quota("âge", "45-64", 5, 8), new Quota("âge", "65+", 4, 6),
            new Quota("territoire", "Orléans Métropole", 8, 11), new Quota("territoire", "Montargois", 3, 5),
            new Quota("territoire", "Pithiverais", 2, 4), new Quota("territoire", "Giennois", 2, 4));

    /** 120 volunteers drawn from a fixed seed, every {@code every}-th living with the one before. */
    static Instance pool(long seed, int every) {
        Random random = new Random(seed);
        List<Respondent> pool = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            features.put("genre", random.nextInt(100) < 52 ? "femme" : "homme");
            int age = random.nextInt(100);
            features.put("âge", age < 18 ? "16-29" : age < 42 ? "30-44" : age < 75 ? "45-64" : "65+");
            int place = random.nextInt(100);
            features.put("territoire", place < 58 ? "Orléans Métropole" : place < 78 ? "Montargois"
                    : place < 90 ? "Pithiverais" : "Giennois");
            String household = "h" + (i % every == every - 1 ? i - 1 : i);
            pool.add(new Respondent("v" + i, features, household));
        }
        return new Instance(20, QUOTAS, pool);
    }

    @Test
    void selectsFromPoolsWhereEveryEighthOrFifteenthVolunteerLivesWithTheOneBefore() {
        // These seeds made GLOP's warm-started dual stop with ABNORMAL before the fix.
        for (long[] case_ : new long[][] {{0, 8}, {17, 8}, {7, 15}, {11, 15}, {45_2026L, 8}}) {
            long seed = case_[0];
            Instance instance = pool(seed, (int) case_[1]);

            SelectionResult result = PanelSelection.select(instance, Algorithm.LEXIMIN);

            LeximinTests.assertConsistent(result, instance);
            assertThat(result.minProbability()).as("seed " + seed).isGreaterThan(0);
            assertOneSeatPerHousehold(result, instance);
        }
    }

    @Test
    void selectsTheDemoPanelWhoseCouplesShareAnAddress() {
        Instance instance = PanelDemoData.instance();
        assertThat(instance.pool().stream().map(Respondent::household).distinct().count()).as("eight couples")
                .isEqualTo(instance.pool().size() - 8);

        SelectionResult result = PanelSelection.select(instance, Algorithm.LEXIMIN);

        LeximinTests.assertConsistent(result, instance);
        assertThat(result.minProbability()).isGreaterThan(0);
        assertOneSeatPerHousehold(result, instance);
    }

    private static void assertOneSeatPerHousehold(SelectionResult result, Instance instance) {
        for (WeightedPanel panel : result.panels()) {
            assertThat(instance.pool().stream().filter(r -> panel.members().contains(r.id())).map(Respondent::household)
                    .distinct().count()).isEqualTo(instance.k());
        }
    }
}
