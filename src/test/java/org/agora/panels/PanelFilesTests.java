package org.agora.panels;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PanelFilesTests {

    static Reader fixture(String name) {
        return new InputStreamReader(PanelFilesTests.class.getResourceAsStream("/panels/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void readsSortitionFoundationQuotasWithFlexAndIgnoresExtraColumns() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("loiret-quotas.csv"));

        assertThat(quotas).hasSize(7);
        assertThat(quotas.getFirst()).isEqualTo(new Quota("genre", "femme", 2, 3, 1, 4));
        assertThat(quotas.get(5)).isEqualTo(new Quota("milieu", "urbain", 2, 4, null, null));
    }

    @Test
    void readsTheOlderCategoryNameHeaderWithItsSuggestionColumns() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("loiret-quotas-old-header.csv"));

        assertThat(quotas).hasSize(7);
        assertThat(quotas.get(2)).isEqualTo(new Quota("age", "18-34", 1, 3));
    }

    @Test
    void readsThePoolByItsIdColumnCaseInsensitivelyWithValuesInTheQuotasSpelling() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("loiret-quotas.csv"));

        List<Respondent> pool = PanelFiles.readPool(fixture("loiret-pool.csv"), quotas, List.of());

        assertThat(pool).hasSize(10);
        assertThat(pool.get(2)).isEqualTo(new Respondent("L03", Map.of("genre", "femme", "age", "60+", "milieu", "urbain"), null));
        assertThat(pool.get(9).features()).containsEntry("genre", "homme");
    }

    @Test
    void buildsOneHouseholdKeyPerAddressIgnoringCaseAndSpacing() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("loiret-quotas.csv"));

        List<Respondent> pool = PanelFiles.readPool(fixture("loiret-pool.csv"), quotas, List.of("Address", "postcode"));

        assertThat(pool.get(0).household()).isEqualTo(pool.get(3).household()).isNotNull();
        assertThat(pool.get(8).household()).isEqualTo(pool.get(9).household());
        assertThat(pool.get(1).household()).isNotEqualTo(pool.get(0).household());
    }

    @Test
    void readsTheReplicationFormatWithRowIndexesAsIds() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("cher-quotas.csv"));
        List<Respondent> pool = PanelFiles.readPool(fixture("cher-pool.csv"), quotas, List.of());

        assertThat(quotas).containsExactly(new Quota("genre", "femme", 1, 2), new Quota("genre", "homme", 1, 2),
                new Quota("milieu", "urbain", 1, 3), new Quota("milieu", "rural", 1, 3));
        assertThat(pool).extracting(Respondent::id).containsExactly("0", "1", "2", "3", "4");
        assertThat(pool.get(1).features()).isEqualTo(Map.of("genre", "homme", "milieu", "rural"));
    }

    @Test
    void acceptsSemicolonSeparatedFilesWithAByteOrderMark() {
        List<Quota> quotas = PanelFiles.readQuotas(new StringReader("\uFEFFfeature;value;min;max\r\ngenre;femme;1;2\r\n\r\n"));

        assertThat(quotas).containsExactly(new Quota("genre", "femme", 1, 2));
    }

    @Test
    void reportsEveryQuotaProblemAtOnceWithItsLine() {
        var error = catchThrowableOfType(PanelFileException.class, () -> PanelFiles.readQuotas(fixture("broken-quotas.csv")));

        assertThat(error.problems()).extracting(FileProblem::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(error.problems().get(0).message()).contains("min (3) is greater than max (2)");
        assertThat(error.problems().get(1).message()).contains("\"min\" is not a whole number: \"deux\"");
        assertThat(error.problems().get(2).message()).contains("Duplicate quota genre=femme (already on line 2)");
        assertThat(error.problems().get(3).message()).contains("min_flex (3) is greater than min (2)");
        assertThat(error.problems().get(4).message()).contains("max_flex (1) is less than max (2)");
    }

    @Test
    void reportsAMissingQuotaColumnOnTheHeaderLine() {
        var error = catchThrowableOfType(PanelFileException.class, () -> PanelFiles.readQuotas(fixture("no-max-quotas.csv")));

        assertThat(error.problems()).containsExactly(new FileProblem(1, "Missing column \"max\"."));
    }

    @Test
    void reportsEveryPoolProblemAtOnceWithItsLine() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("cher-quotas.csv"));

        var error = catchThrowableOfType(PanelFileException.class,
                () -> PanelFiles.readPool(fixture("broken-pool.csv"), quotas, List.of()));

        assertThat(error.problems()).extracting(FileProblem::line).containsExactly(3, 4, 5, 6);
        assertThat(error.problems().get(0).message()).contains("Unknown value \"inconnu\" for \"genre\" (expected one of: femme, homme)");
        assertThat(error.problems().get(1).message()).contains("Duplicate id \"b1\" (already on line 2)");
        assertThat(error.problems().get(2).message()).contains("The id is empty");
        assertThat(error.problems().get(3).message()).contains("No value for \"milieu\"");
    }

    @Test
    void reportsMissingFeatureAndHouseholdColumnsTogether() {
        List<Quota> quotas = PanelFiles.readQuotas(new StringReader("feature,value,min,max\ngenre,femme,1,2\nage,18-34,0,2\n"));

        var error = catchThrowableOfType(PanelFileException.class,
                () -> PanelFiles.readPool(new StringReader("id,genre\nX1,femme\n"), quotas, List.of("adresse")));

        assertThat(error.problems()).containsExactly(
                new FileProblem(1, "Missing column \"age\" (a quota feature)."),
                new FileProblem(1, "Missing household column \"adresse\"."));
    }

    @Test
    void rejectsAnUnrecognisedQuotaHeader() {
        var error = catchThrowableOfType(PanelFileException.class,
                () -> PanelFiles.readQuotas(new StringReader("a,b,c\n1,2,3\n")));

        assertThat(error.problems()).hasSize(3);
        assertThat(error.problems().getFirst().message()).startsWith("Unrecognised quota header");
    }

    @Test
    void countsTheLinesOfAnAddressWrittenOnTwoLinesInItsProblems() {
        List<Quota> quotas = PanelFiles.readQuotas(fixture("cher-quotas.csv"));

        var error = catchThrowableOfType(PanelFileException.class, () -> PanelFiles.readPool(new StringReader("""
                id,genre,milieu,adresse
                C1,femme,urbain,"Appartement 3
                12 rue de Bourges"
                C2,homme,montagne,2 rue Moyenne
                """), quotas, List.of("adresse")));

        assertThat(error.problems()).extracting(FileProblem::line).containsExactly(4);
    }
}
