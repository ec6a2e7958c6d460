package org.agora.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplacementTests {

    @Test
    void everyReplacementKeepsTheQuotasAndTheHouseholdRule() {
        Instance instance = PanelSelectionTests.loiret(5, true);
        SelectionResult result = PanelSelection.select(instance, Algorithm.LEXIMIN);
        for (WeightedPanel weighted : result.panels()) {
            for (String dropped : weighted.members()) {
                Optional<String> replacement = Replacement.replacementFor(instance, weighted.members(), dropped, "seed publique");
                if (replacement.isEmpty()) {
                    continue;
                }
                var panel = new ArrayList<>(weighted.members());
                panel.set(panel.indexOf(dropped), replacement.get());
                List<Respondent> members = instance.pool().stream().filter(r -> panel.contains(r.id())).toList();
                assertThat(members).hasSize(5);
                assertThat(Replacement.keepsQuotas(instance, members)).isTrue();
                assertThat(members.stream().map(Respondent::household).distinct()).hasSize(5);
            }
        }
    }

    @Test
    void prefersSomeoneAlikeAndGivesTheSameAnswerForTheSameSeed() {
        List<Quota> quotas = List.of(new Quota("genre", "femme", 1, 2), new Quota("genre", "homme", 1, 2));
        var pool = List.of(
                new Respondent("a", Map.of("genre", "femme"), null),
                new Respondent("b", Map.of("genre", "homme"), null),
                new Respondent("c", Map.of("genre", "femme"), null),
                new Respondent("d", Map.of("genre", "femme"), null),
                new Respondent("e", Map.of("genre", "homme"), null));
        Instance instance = new Instance(2, quotas, pool);

        Optional<String> chosen = Replacement.replacementFor(instance, List.of("a", "b"), "a", "tirage du 5 décembre");

        assertThat(chosen).get().isIn("c", "d");
        assertThat(Replacement.replacementFor(instance, List.of("a", "b"), "a", "tirage du 5 décembre")).isEqualTo(chosen);
        assertThat(Replacement.replacementFor(instance, List.of("a", "b"), "b", "x")).contains("e");
    }

    @Test
    void findsNobodyWhenNoVolunteerKeepsTheQuotas() {
        List<Quota> quotas = List.of(new Quota("genre", "femme", 1, 1), new Quota("genre", "homme", 1, 1));
        var pool = List.of(
                new Respondent("a", Map.of("genre", "femme"), null),
                new Respondent("b", Map.of("genre", "homme"), null),
                new Respondent("c", Map.of("genre", "homme"), null));

        assertThat(Replacement.replacementFor(new Instance(2, quotas, pool), List.of("a", "b"), "a", "s")).isEmpty();
        assertThatThrownBy(() -> Replacement.replacementFor(new Instance(2, quotas, pool), List.of("a", "b"), "c", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
