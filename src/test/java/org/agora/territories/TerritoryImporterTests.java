package org.agora.territories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.agora.AgoraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@AgoraTest
@Transactional
class TerritoryImporterTests {

    static final String HEADER = "kind;code;name;parent_code;postal_codes\n";

    @Autowired
    TerritoryImporter importer;
    @Autowired
    TerritoryTree tree;
    @Autowired
    Territories territories;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static InputStream csv(String body) {
        return new ByteArrayInputStream((HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    static final String SMALL_TREE = """
            REGION;T1;Région d'essai;;
            DEPARTEMENT;T11;Département d'essai;T1;
            LIVING_AREA;T111;Bassin d'essai;T11;
            COMMUNE;T1111;Saint-Étienne-d'Essai;T111;99100|99110
            COMMUNE;T1112;Essai-sur-Loire;T111;99120
            """;

    @Test
    void importsATreeAndBuildsItsPaths() throws IOException {
        ImportReport report = importer.importCsv(csv(SMALL_TREE));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.created()).isEqualTo(5);
        TerritoryView region = tree.findByCode(TerritoryKind.REGION, "T1").orElseThrow();
        TerritoryView commune = tree.findByCode(TerritoryKind.COMMUNE, "T1111").orElseThrow();
        TerritoryView area = tree.findByCode(TerritoryKind.LIVING_AREA, "T111").orElseThrow();
        assertThat(commune.parentId()).isEqualTo(area.id());
        assertThat(commune.postalCodes()).containsExactly("99100", "99110");
        assertThat(commune.label()).isEqualTo("Saint-Étienne-d'Essai (99100, 99110)");
        assertThat(tree.isWithin(commune.id(), region.id())).isTrue();
        assertThat(tree.isWithin(region.id(), commune.id())).isFalse();
        assertThat(tree.selfAndDescendants(area.id())).hasSize(3).contains(area.id(), commune.id());
        assertThat(tree.selfAndDescendants(region.id())).hasSize(5);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAnEditedRowIsUpdated() throws IOException {
        importer.importCsv(csv(SMALL_TREE));
        long before = territories.count();

        ImportReport again = importer.importCsv(csv(SMALL_TREE));
        ImportReport edited = importer.importCsv(csv("""
                REGION;T1;Région d'essai;;
                DEPARTEMENT;T12;Autre département;T1;
                LIVING_AREA;T111;Bassin renommé;T12;
                """));

        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(edited.created()).isEqualTo(1);
        assertThat(edited.updated()).isEqualTo(1);
        assertThat(territories.count()).isEqualTo(before + 1);
        TerritoryView moved = tree.findByCode(TerritoryKind.LIVING_AREA, "T111").orElseThrow();
        TerritoryView newParent = tree.findByCode(TerritoryKind.DEPARTEMENT, "T12").orElseThrow();
        TerritoryView commune = tree.findByCode(TerritoryKind.COMMUNE, "T1111").orElseThrow();
        assertThat(moved.name()).isEqualTo("Bassin renommé");
        assertThat(moved.parentId()).isEqualTo(newParent.id());
        assertThat(tree.isWithin(commune.id(), newParent.id())).as("descendant paths follow the move").isTrue();
    }

    @Test
    void rowsMayReferToParentsAlreadyInTheDatabase() throws IOException {
        importer.importCsv(csv(SMALL_TREE));

        ImportReport report = importer.importCsv(csv("COMMUNE;T1113;Nouvelle-Commune;T111;99130\n"));

        assertThat(report.succeeded()).isTrue();
        assertThat(tree.findByCode(TerritoryKind.COMMUNE, "T1113").orElseThrow().parentId())
                .isEqualTo(tree.findByCode(TerritoryKind.LIVING_AREA, "T111").orElseThrow().id());
    }

    @Test
    void rejectsEveryKindOfMistakeWithItsLineNumberAndKeepsNothing() throws IOException {
        long before = territories.count();

        ImportReport report = importer.importCsv(csv("""
                REGION;T1;Région d'essai;;
                CANTON;T2;Canton;T1;
                DEPARTEMENT;T11;;T1;
                DEPARTEMENT;T12;Sans parent connu;NOPE;
                COMMUNE;T1111;Commune;T111;9910
                REGION;T1;Doublon;;
                LIVING_AREA;T112;Bassin;T1113;
                COMMUNE;T1113;Commune parente;T11;
                DEPARTEMENT;T13;Trop de colonnes;T1;;extra
                LIVING_AREA;T114;Bassin avec code postal;T11;45000
                DEPARTEMENT;T1 4;Code invalide;T1;
                """));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::key).containsExactly(
                tuple(3, "territories.import.error.kind"),
                tuple(4, "territories.import.error.nameMissing"),
                tuple(6, "territories.import.error.postalCode"),
                tuple(7, "territories.import.error.duplicate"),
                tuple(10, "territories.import.error.columns"),
                tuple(11, "territories.import.error.postalCodesNotCommune"),
                tuple(12, "territories.import.error.code"));
        assertThat(territories.count()).isEqualTo(before);
    }

    @Test
    void rejectsAnImportWithAnUnknownParentOrAParentOfTheWrongKindAndKeepsNothing() throws IOException {
        long before = territories.count();

        ImportReport report = importer.importCsv(csv("""
                REGION;T1;Région d'essai;;
                DEPARTEMENT;T11;Département d'essai;T1;
                DEPARTEMENT;T12;Sans parent connu;NOPE;
                COMMUNE;T1113;Commune;T11;
                LIVING_AREA;T112;Bassin sous une commune;T1113;
                """));

        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::key).containsExactly(
                tuple(4, "territories.import.error.unknownParent"),
                tuple(6, "territories.import.error.parentKind"));
        assertThat(importer.describe(report.problems().get(1), Locale.FRENCH))
                .isEqualTo("Ligne 6 : Le parent « T1113 » est de niveau COMMUNE : il ne peut pas contenir un territoire de niveau LIVING_AREA.");
        assertThat(territories.count()).as("the valid rows are not stored either").isEqualTo(before);
        assertThat(tree.findByCode(TerritoryKind.REGION, "T1")).isEmpty();
    }

    @Test
    void refusesAFileWithoutTheHeaderOrNotInUtf8() throws IOException {
        ImportReport noHeader = importer.importCsv(new ByteArrayInputStream("REGION;T1;Région;;\n".getBytes(StandardCharsets.UTF_8)));
        ImportReport latin1 = importer.importCsv(new ByteArrayInputStream((HEADER + "REGION;T1;Région;;\n")
                .getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(noHeader.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::key)
                .containsExactly(tuple(1, "territories.import.error.header"));
        assertThat(latin1.problems()).extracting(ImportReport.Problem::key).containsExactly("territories.import.error.encoding");
    }

    @Test
    void acceptsQuotedFieldsCommentsBlankLinesAndAByteOrderMark() throws IOException {
        ImportReport report = importer.importCsv(new ByteArrayInputStream(("\uFEFF" + HEADER + """
                # a comment
                
                REGION;T1;"Région ""guillemets""; point-virgule";;
                """).getBytes(StandardCharsets.UTF_8)));

        assertThat(report.succeeded()).isTrue();
        assertThat(tree.findByCode(TerritoryKind.REGION, "T1").orElseThrow().name())
                .isEqualTo("Région \"guillemets\"; point-virgule");
    }

    @Test
    void theShippedCentreValDeLoireFileImportsTheWholeRegion() throws IOException {
        jdbc.update("delete from territory");
        long started = System.nanoTime();
        ImportReport report;
        try (InputStream in = new ClassPathResource(TerritoryDemoData.REFERENCE_FILE).getInputStream()) {
            report = importer.importCsv(in);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1781);
        assertThat(tree.countsByKind()).containsEntry(TerritoryKind.REGION, 1L)
                .containsEntry(TerritoryKind.DEPARTEMENT, 6L)
                .containsEntry(TerritoryKind.LIVING_AREA, 20L)
                .containsEntry(TerritoryKind.COMMUNE, 1754L);
        // A figure for docs/benchmarks.md, not a check: speed is measured, never asserted.
        System.out.println("Centre-Val de Loire reference file imported in " + millis + " ms");
    }

    @Test
    void theCommandLineImportPrintsASummary() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("territories", ".csv");
        java.nio.file.Files.writeString(file, HEADER + SMALL_TREE);
        StringBuilder out = new StringBuilder();

        ImportReport report = importer.importFile(file, out, Locale.ENGLISH);

        assertThat(report.created()).isEqualTo(5);
        assertThat(out.toString()).contains("5 territory(ies) created, 0 updated, 0 unchanged.");
        java.nio.file.Files.delete(file);
    }

    @Test
    void splitsFieldsOnSemicolonsOutsideQuotes() {
        assertThat(TerritoryImporter.split("a; \"b;c\" ;d")).isEqualTo(List.of("a", "b;c", "d"));
        assertThat(TerritoryImporter.split("a;\"open")).isNull();
    }
}
