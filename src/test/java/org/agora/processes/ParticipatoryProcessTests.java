package org.agora.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipatoryProcessTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    static List<Phase> fourPhases() {
        return List.of(
                new Phase("Rendre compte", null, TODAY.plusMonths(5), TODAY.plusMonths(8)),
                new Phase("Découvrir", null, TODAY.minusMonths(3), TODAY.minusMonths(1).minusDays(1)),
                new Phase("Contribuer", null, TODAY.minusMonths(1), TODAY.plusMonths(2)),
                new Phase("Répondre", null, TODAY.plusMonths(2).plusDays(1), TODAY.plusMonths(5).minusDays(1)));
    }

    static ParticipatoryProcess draft() {
        return new ParticipatoryProcess("democratie-permanente", "Démocratie permanente", "Résumé", "", 1L,
                fourPhases(), Set.of(ProcessFeature.PROPOSALS), NOW);
    }

    @Test
    void aPhaseCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Phase("Contribuer", null, TODAY, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Phase("Un jour", null, TODAY, TODAY).includes(TODAY)).isTrue();
    }

    @Test
    void keepsPhasesInDateOrderAndSpansTheirDates() {
        ParticipatoryProcess process = draft();

        assertThat(process.phases()).extracting(Phase::name)
                .containsExactly("Découvrir", "Contribuer", "Répondre", "Rendre compte");
        assertThat(process.startsOn()).isEqualTo(TODAY.minusMonths(3));
        assertThat(process.endsOn()).isEqualTo(TODAY.plusMonths(8));
    }

    @Test
    void aProcessHasAtLeastOnePhase() {
        assertThatThrownBy(() -> new ParticipatoryProcess("x", "X", "Résumé", "", 1L, List.of(), Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCurrentPhaseIsTheOneWhoseDatesIncludeToday() {
        ParticipatoryProcess process = draft();

        assertThat(process.currentPhaseIndex(TODAY)).isEqualTo(1);
        assertThat(process.currentPhaseIndex(TODAY.plusMonths(3))).isEqualTo(2);
        assertThat(process.currentPhaseIndex(TODAY.minusYears(1))).as("before the first phase").isEqualTo(-1);
    }

    @Test
    void staffCanChooseTheCurrentPhaseAndLetTheDatesDecideAgain() {
        ParticipatoryProcess process = draft();

        process.overrideCurrentPhase(2);
        assertThat(process.currentPhaseIndex(TODAY)).isEqualTo(2);
        assertThat(process.currentPhaseIsOverridden()).isTrue();

        process.letDatesDecideCurrentPhase();
        assertThat(process.currentPhaseIndex(TODAY)).isEqualTo(1);
        assertThatThrownBy(() -> process.overrideCurrentPhase(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChosenPhaseFollowsItsPhaseWhenPhasesChangeAndIsDroppedWhenItDisappears() {
        ParticipatoryProcess process = draft();
        process.overrideCurrentPhase(2);
        Phase answer = process.phases().get(2);

        process.replacePhases(List.of(answer, new Phase("Préparer", null, TODAY.minusYears(1), TODAY.minusMonths(11))));
        assertThat(process.phases().get(process.currentPhaseIndex(TODAY)).name()).isEqualTo("Répondre");

        process.replacePhases(List.of(new Phase("Tout", null, TODAY.minusDays(1), TODAY.plusDays(1))));
        assertThat(process.currentPhaseIsOverridden()).isFalse();
    }

    @Test
    void aDraftIsPublishedThenClosedThenMayBeReopened() {
        ParticipatoryProcess process = draft();
        assertThat(process.isPublic()).isFalse();
        assertThatThrownBy(() -> process.close(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(process::reopen).isInstanceOf(IllegalStateException.class);

        process.publish(NOW);
        assertThat(process.status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(process.isPublic()).isTrue();
        assertThatThrownBy(() -> process.publish(NOW)).isInstanceOf(IllegalStateException.class);

        process.close(NOW);
        assertThat(process.status()).isEqualTo(ProcessStatus.CLOSED);
        assertThat(process.isPublic()).isTrue();

        process.reopen();
        assertThat(process.status()).isEqualTo(ProcessStatus.PUBLISHED);
    }

    @Test
    void slugsComeFromTitlesWithoutAccentsOrPunctuation() {
        assertThat(Slugs.from("Budget participatif des lycées du Loiret !")).isEqualTo("budget-participatif-des-lycees-du-loiret");
        assertThat(Slugs.from("Œuvres & cœur — 2026")).isEqualTo("oeuvres-coeur-2026");
        assertThat(Slugs.from("<script>")).isEqualTo("script");
        assertThat(Slugs.from("!!!")).isEqualTo("demarche");
        assertThat(Slugs.from("a".repeat(200))).hasSize(Slugs.MAX_LENGTH);
    }
}
