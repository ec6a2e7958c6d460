package org.agora.proposals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ContributionImportMapping.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ContributionImportTests {

    static final String BODY = "Ouvrir la médiathèque le dimanche après-midi pour les familles du quartier.";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ContributionImports imports;
    @Autowired ProposalCatalog catalog;
    @Autowired ProposalOpenRows openRows;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser staff;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        staff = bed.people.staff(RoleScope.GLOBAL);
    }

    static String word() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int letter = 0; letter < 10; letter++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    ContributionImports.Upload upload(String csv) throws Exception {
        long id = imports.upload(process, staff, "consultation.csv",
                new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return imports.upload(process, staff, id);
    }

    ContributionImports.Report dryRun(ContributionImports.Upload upload, String source) {
        List<String> headers = imports.sample(upload).headers();
        return imports.dryRun(process, staff, upload, headers, imports.suggestion(upload, headers), source, true, false);
    }

    @Test
    void suggestsTheMappingOfADecidimProposalsExport() {
        ContributionImportMapping mapping = ContributionImportMapping.suggest(List.of("id", "category/id",
                "category/name/en", "category/name/fr", "scope/id", "scope/name/fr", "title/en", "title/fr", "body/fr",
                "published_at", "author/name", "url", "votes"), Map.of());

        assertThat(mapping.columns()).containsExactly(Field.EXTERNAL_ID, null, null, Field.THEME, null, Field.TERRITORY,
                null, Field.TITLE, Field.BODY, Field.ORIGINAL_DATE, Field.AUTHOR_LABEL, Field.SOURCE_URL, null);
    }

    @Test
    void suggestsFrenchHeadersWhateverTheirCaseAndAccentsAndPrefersTheSavedMapping() {
        ContributionImportMapping mapping = ContributionImportMapping.suggest(List.of("Titre", "Thème", "Texte", "Auteur"),
                Map.of("Auteur", Field.BODY, "Texte", Field.TITLE));

        assertThat(mapping.columns()).containsExactly(null, Field.THEME, Field.TITLE, Field.BODY);
    }

    @Test
    void readsDatesInTheFormatsSourcesWrite() {
        java.time.LocalDate day = java.time.LocalDate.of(2025, 3, 12);
        for (String text : List.of("2025-03-12", "12/03/2025", "12.03.2025", "2025-03-12 14:22:01 UTC",
                "2025-03-12T14:22:01Z", "2025-03-12T14:22:01+01:00", "12/03/2025 14:22", "2025-03-12 14:22:01")) {
            assertThat(ContributionImports.parseDate(text)).as(text).contains(day);
        }
        assertThat(ContributionImports.parseDate("2025-03-11 23:30:00 UTC")).contains(day);
        assertThat(ContributionImports.parseDate("le 12 mars")).isEmpty();
    }

    @Test
    void dryRunReportsEveryKindOfProblemWithItsLineAndColumnAndStoresNothing() throws Exception {
        String csv = "\uFEFFid;title/fr;body/fr;scope/name/fr;category/name/fr;published_at;url\n"
                + "a1;Une médiathèque ouverte le dimanche;" + BODY + ";PRP1111;Mobilités;2025-03-12;https://example.org/1\n"
                + "a2;Court;" + BODY + ";;Mobilités;;\n"
                + "a3;Des bancs le long du canal;trop court;;Mobilités;;\n"
                + "a4;Des bancs le long du canal;" + BODY + ";PRP9;Mobilités;;\n"
                + "a5;Des bancs le long du canal;" + BODY + ";Nulle-Part;Mobilités;;\n"
                + "a6;Des bancs le long du canal;" + BODY + ";;Cuisine;;\n"
                + "a7;Des bancs le long du canal;" + BODY + ";;Santé;32/13/2025;\n"
                + "a1;Des bancs le long du canal;" + BODY + ";;Santé;;\n"
                + "a9;Des bancs le long du canal;" + BODY + ";;Santé;;ftp://example.org\n"
                + "a10;;" + BODY + ";;Santé;;\n";

        ContributionImports.Report report = dryRun(upload(csv), "Consultation Decidim 2025");

        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.problems()).extracting(ContributionImports.Problem::line, ContributionImports.Problem::column,
                        ContributionImports.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "title/fr", "proposals.form.title.length"),
                        org.assertj.core.groups.Tuple.tuple(4, "body/fr", "proposals.form.body.length"),
                        org.assertj.core.groups.Tuple.tuple(5, "scope/name/fr", "proposals.import.territory.unknown"),
                        org.assertj.core.groups.Tuple.tuple(6, "scope/name/fr", "proposals.import.territory.unknown"),
                        org.assertj.core.groups.Tuple.tuple(7, "category/name/fr", "proposals.form.theme.invalid"),
                        org.assertj.core.groups.Tuple.tuple(8, "published_at", "proposals.import.date.invalid"),
                        org.assertj.core.groups.Tuple.tuple(9, "id", "proposals.import.externalId.twice"),
                        org.assertj.core.groups.Tuple.tuple(10, "url", "proposals.import.url.invalid"),
                        org.assertj.core.groups.Tuple.tuple(11, "title/fr", "proposals.form.title.required"));
        assertThat(report.problems().get(6).args()).containsExactly("a1", 2);
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE process_id = ?", Long.class,
                process.id().value())).isZero();
    }

    @Test
    void commitStoresNothingWhenOneRowAmongManyIsWrong() throws Exception {
        StringBuilder csv = new StringBuilder("titre,texte,theme\n");
        for (int row = 1; row <= 300; row++) {
            csv.append("Proposition importée numéro ").append(row).append(',').append(BODY).append(',')
                    .append(row == 250 ? "Inconnu" : "Santé").append('\n');
        }
        ContributionImports.Upload upload = upload(csv.toString());
        dryRun(upload, "Cahiers de doléances de Blois");

        ContributionImports.InvalidImport invalid = catchThrowableOfType(ContributionImports.InvalidImport.class,
                () -> imports.commit(process, staff, imports.upload(process, staff, upload.id())));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(251);
            assertThat(problem.column()).isEqualTo("theme");
        });
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE process_id = ?", Long.class,
                process.id().value())).isZero();
        assertThat(imports.batches(process)).isEmpty();
    }

    @Test
    void commitPublishesEveryRowWithItsProvenanceAndReimportingTheSameIdsCreatesNothing() throws Exception {
        String word = word();
        String csv = "id\ttitle/fr\tbody/fr\tcategory/name/fr\tpublished_at\tauthor/name\turl\n"
                + "d-101\tDes navettes " + word + " le dimanche\t" + BODY + "\tMobilités\t2025-03-12 14:22:01 UTC\tJeanne D.\thttps://decidim.example.org/p/101\n"
                + "d-102\tUn atelier de réparation de vélos\t" + BODY + "\tMobilités\t12/03/2025\t\t\n";
        ContributionImports.Upload upload = upload(csv);
        assertThat(dryRun(upload, "Consultation en ligne Decidim 2025").valid()).isTrue();

        ContributionImports.Batch batch = imports.commit(process, staff, imports.upload(process, staff, upload.id()));

        assertThat(batch.rowCount()).isEqualTo(2);
        List<PublicProposal> imported = catalog.imported(new ContributionImportId(batch.id()));
        assertThat(imported).extracting(PublicProposal::title)
                .containsExactly("Des navettes " + word + " le dimanche", "Un atelier de réparation de vélos");
        assertThat(catalog.provenance(process.id())).isEqualTo(new ProposalCatalog.Provenance(0, 0, 2));

        String page = mvc.perform(get(imported.getFirst().path())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Importée depuis « Consultation en ligne Decidim 2025 » le", "ligne 2",
                "écrite le 12 mars 2025", "Recueillie sous le nom « Jeanne D. »", "https://decidim.example.org/p/101");
        String list = mvc.perform(get("/processes/" + process.slug() + "/proposals")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Importée depuis « Consultation en ligne Decidim 2025 »", "Contribution importée");
        assertThat(mvc.perform(get("/search").param("q", word)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(imported.getFirst().path());
        // The staff member who imported the file is not the author anywhere the public reads: API and open data.
        String api = mvc.perform(get("/api/v1/proposals/" + imported.getFirst().id().value())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"author\":null");
        List<ProposalOpenRows.Row> rows = new java.util.ArrayList<>();
        openRows.forEachPage(500, rows::addAll);
        assertThat(rows).filteredOn(row -> row.id().equals(imported.getFirst().id()))
                .singleElement().extracting(ProposalOpenRows.Row::author).isNull();

        ContributionImports.Upload again = upload(csv);
        ContributionImports.Report second = dryRun(again, "Consultation en ligne Decidim 2025");
        assertThat(second.sameFile()).extracting(ContributionImports.Batch::id).containsExactly(batch.id());
        assertThat(second.problems()).extracting(ContributionImports.Problem::key)
                .containsExactly("proposals.import.externalId.imported", "proposals.import.externalId.imported");
        catchThrowableOfType(ContributionImports.InvalidImport.class,
                () -> imports.commit(process, staff, imports.upload(process, staff, again.id())));
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE process_id = ?", Long.class,
                process.id().value())).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondProposalWithTheSameExternalIdInAProcess() throws Exception {
        ContributionImports.Upload upload = upload("id;titre;texte;theme\nx-1;Des jardins partagés au pied des immeubles;" + BODY + ";Santé\n");
        dryRun(upload, "Saisie papier");
        imports.commit(process, staff, imports.upload(process, staff, upload.id()));

        assertThat(catchThrowableOfType(org.springframework.dao.DataIntegrityViolationException.class, () -> bed.jdbc.update(
                "INSERT INTO proposal (process_id, author_id, status, title, body, territory_id, created_at, provenance, "
                        + "external_id, version) VALUES (?, ?, 'DRAFT', 'Un titre assez long', 'Un texte assez long ici', ?, "
                        + "CURRENT_TIMESTAMP, 'IMPORTED', 'x-1', 0)", process.id().value(), staff.id().value(), bed.region)))
                .isNotNull();
    }

    @Test
    void onlyTheProcessStaffImport() throws Exception {
        AgoraUser citizen = bed.people.participant();
        AgoraUser facilitator = bed.people.someone("animatrice-import", new RoleGrant(Role.FACILITATOR, RoleScope.GLOBAL));
        AgoraUser moderator = bed.people.someone("moderateur-import", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        String path = "/admin/processes/" + process.slug() + "/import";
        mvc.perform(get(path).with(as(citizen))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(moderator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/processes/" + process.slug() + "/imports").with(as(citizen))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(staff))).andExpect(status().isOk());

        ContributionImports.Upload upload = upload("titre;texte\nDes jardins partagés;" + BODY + "\n");
        AgoraUser otherStaff = bed.people.staff(RoleScope.GLOBAL);
        mvc.perform(get(path + "/" + upload.id()).with(as(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post(path + "/" + upload.id() + "/commit").with(as(citizen)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theWebStepsUploadMapCheckAndCommit() throws Exception {
        String path = "/admin/processes/" + process.slug() + "/import";
        String csv = "Titre;Texte;Thème\nDes composteurs dans chaque quartier;" + BODY + ";Santé\n";
        String location = mvc.perform(multipart(path).file(new MockMultipartFile("file", "papier.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String mapping = mvc.perform(get(location).with(as(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(mapping).contains("Des composteurs dans chaque quartier", "<option value=\"title\" selected=\"selected\">");

        mvc.perform(post(location + "/check").param("sourceName", "").param("column-0", "title").param("column-1", "title")
                .with(as(staff)).with(csrf())).andExpect(status().isBadRequest());
        String report = mvc.perform(post(location + "/check").param("sourceName", "Atelier de Blois")
                        .param("column-0", "title").param("column-1", "body").param("column-2", "theme")
                        .param("keepMapping", "true").with(as(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Une proposition prête à être importée");
        mvc.perform(post(location + "/commit").with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(path + "s").with(as(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Atelier de Blois", "papier.csv");
        assertThat(imports.saved(process.id().value())).hasValueSatisfying(saved ->
                assertThat(saved.byHeader()).containsEntry("Titre", Field.TITLE).containsEntry("Thème", Field.THEME));
    }

    @Test
    void importsTwentyThousandRows() throws Exception {
        StringBuilder csv = new StringBuilder("id;titre;texte;territoire;theme;date\n");
        for (int row = 1; row <= 20_000; row++) {
            csv.append("big-").append(row).append(";Proposition importée numéro ").append(row).append(';').append(BODY)
                    .append(';').append(row % 2 == 0 ? "PRP1111" : "Commune-de-l’Ouest").append(";Santé;2025-03-12\n");
        }
        long started = System.nanoTime();
        ContributionImports.Upload upload = upload(csv.toString());
        assertThat(dryRun(upload, "Grande consultation").valid()).isTrue();
        long checked = System.nanoTime();
        ContributionImports.Batch batch = imports.commit(process, staff, imports.upload(process, staff, upload.id()));
        long committed = System.nanoTime();
        System.out.printf("Contribution import of 20,000 rows (%d bytes): dry run %d ms, commit %d ms%n",
                csv.length(), (checked - started) / 1_000_000, (committed - checked) / 1_000_000);

        assertThat(batch.rowCount()).isEqualTo(20_000);
        assertThat(catalog.provenance(process.id()).imported()).isEqualTo(20_000);
    }
}
