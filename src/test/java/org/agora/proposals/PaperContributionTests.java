package org.agora.proposals;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.shared.MailRequested;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PaperContributions.Collection;
import org.agora.proposals.PaperContributions.PaperProblem;
import org.agora.proposals.PaperContributions.PaperProposal;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
@RecordApplicationEvents
class PaperContributionTests {

    static final String BODY = "Ouvrir la médiathèque le dimanche après-midi pour les familles.";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired PaperContributions paper;
    @Autowired ProposalSupports supports;
    @Autowired ProposalCatalog catalog;
    @Autowired ApplicationEvents events;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser facilitator;
    Collection workshop;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        facilitator = bed.people.someone("animateur", new RoleGrant(Role.FACILITATOR, RoleScope.territory(bed.eastArea)));
        workshop = new Collection(new ResourceRef("meeting", 12), "Fabrik de l’Est, 14 mars 2026", "/meetings/12", bed.eastArea);
    }

    static PaperProposal item(String title) {
        return new PaperProposal(title, BODY, null, "Mobilités", "");
    }

    @Test
    void storesNothingWhenOneItemBreaksARuleAndReportsEveryProblemWithItsNumber() {
        PaperContributions.InvalidBatch invalid = catchThrowableOfType(PaperContributions.InvalidBatch.class,
                () -> paper.record(process.id(), facilitator, workshop, List.of(
                        item("Une médiathèque ouverte le dimanche"),
                        new PaperProposal("", BODY, null, "Mobilités", ""),
                        new PaperProposal("Des bancs le long du canal", "court", null, "Cuisine", "pas-une-adresse"))));

        assertThat(invalid.problems()).containsExactlyInAnyOrder(
                new PaperProblem(2, "title", "proposals.form.title.required"),
                new PaperProblem(3, "body", "proposals.form.body.length"),
                new PaperProblem(3, "theme", "proposals.form.theme.invalid"),
                new PaperProblem(3, "email", "proposals.paper.email.invalid"));
        assertThat(bed.proposalsTitled("Une médiathèque ouverte le dimanche")).isZero();
    }

    @Test
    void publishesEachPaperProposalWithAReferenceThatCanBeSupportedLikeAnOnlineOne() {
        List<String> references = paper.record(process.id(), facilitator, workshop, List.of(
                item("Un marché de producteurs à la gare"), item("Une navette vers le lycée agricole")));

        assertThat(references).hasSize(2).allMatch(reference -> reference.matches("\\d{4}-\\d{6}"));
        long id = bed.idOf(references.getFirst());
        PublicProposal published = catalog.findPublic(new ProposalId(id)).orElseThrow();
        assertThat(published.collected()).isEqualTo(new PublicProposal.Collected("Fabrik de l’Est, 14 mars 2026",
                "/meetings/12", facilitator.id(), false));
        assertThat(published.territoryId()).isEqualTo(bed.eastArea);

        AgoraUser neighbour = bed.people.participant();
        supports.support(id, neighbour.id());
        assertThat(bed.supportsCount(id)).isEqualTo(1);
    }

    @Test
    void staffEvaluateAPaperProposalLikeAnOnlineOne() throws Exception {
        String reference = paper.record(process.id(), facilitator, workshop, List.of(item("Un verger communal derrière l’école"))).getFirst();
        long id = bed.idOf(reference);
        AgoraUser staff = bed.people.staff(RoleScope.process(process.id().value()));
        String evaluation = "/admin/processes/" + process.id().value() + "/evaluation";

        mvc.perform(get(evaluation).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Un verger communal derrière l’école")));
        mvc.perform(post(evaluation + "/" + id + "/assign").with(as(staff)).with(csrf())
                .param("assignee", Long.toString(staff.id().value()))).andExpect(status().is3xxRedirection());
        assertThat(bed.jdbc.queryForList("SELECT state FROM evaluation WHERE proposal_id = ?", String.class, id)).hasSize(1);
    }

    @Test
    void showsWhereAndByWhomAProposalWasCollectedAndNotTheFacilitatorAsAuthor() throws Exception {
        String reference = paper.record(process.id(), facilitator, workshop, List.of(new PaperProposal(
                "Des jardins partagés au pied des immeubles", BODY, bed.eastCommune, "Santé", "jardinier@example.org"))).getFirst();

        mvc.perform(get("/processes/" + process.slug() + "/proposals/" + reference))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Recueillie lors de"),
                        containsString("Fabrik de l’Est, 14 mars 2026"), containsString("href=\"/meetings/12\""),
                        containsString("par " + facilitator.pseudonym()), containsString("Contribution recueillie sur papier"),
                        not(containsString("jardinier@example.org")))));
        mvc.perform(get("/processes/" + process.slug() + "/proposals"))
                .andExpect(content().string(allOf(containsString("Recueillie lors de"),
                        not(containsString("jardinier@example.org")))));
    }

    @Test
    void countsProposalsCollectedOnPaperAndOnlinePerTerritory() {
        bed.publish(process, bed.people.participant(), "Une proposition écrite en ligne", bed.eastCommune, "Mobilités");
        paper.record(process.id(), facilitator, workshop, List.of(item("Une proposition de la Fabrik"),
                new PaperProposal("Une autre proposition de la Fabrik", BODY, bed.eastCommune, "Santé", "")));

        assertThat(catalog.provenanceByTerritory(process.id()))
                .containsEntry(bed.eastArea, new ProposalCatalog.Provenance(1, 0))
                .containsEntry(bed.eastCommune, new ProposalCatalog.Provenance(1, 1));
        assertThat(catalog.provenance(process.id())).isEqualTo(new ProposalCatalog.Provenance(2, 1));
    }

    @Test
    void acceptsPaperAfterTheProposalPhaseButNotOnceTheProcessIsClosed() {
        bed.processes.close(process.id());

        assertThatThrownBy(() -> paper.record(process.id(), facilitator, workshop, List.of(item("Trop tard pour cette idée"))))
                .isInstanceOf(ProposalRefused.class);
    }

    // ---- Who may record -------------------------------------------------------------------------------------------

    @Test
    void refusesAFacilitatorOfAnotherTerritory() throws Exception {
        AgoraUser elsewhere = bed.people.someone("animateur", new RoleGrant(Role.FACILITATOR, RoleScope.territory(bed.elsewhere)));

        mvc.perform(get("/processes/" + process.slug() + "/proposals/paper").with(as(elsewhere))).andExpect(status().isForbidden());
        mvc.perform(post("/processes/" + process.slug() + "/proposals/paper").with(as(elsewhere)).with(csrf())
                        .param("label", "Atelier").param("territory", Long.toString(bed.eastArea))
                        .param("items[0].title", "Une idée venue d’ailleurs").param("items[0].body", BODY)
                        .param("items[0].theme", "Mobilités"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/processes/" + process.slug() + "/proposals/paper").with(as(bed.people.participant())))
                .andExpect(status().isForbidden());
        assertThat(bed.proposalsTitled("Une idée venue d’ailleurs")).isZero();
    }

    @Test
    void refusesAFacilitatorACollectionOrItemOutsideTheirLivingArea() throws Exception {
        Collection west = new Collection(null, "Atelier de l’Ouest", null, bed.west);
        assertThatThrownBy(() -> paper.record(process.id(), facilitator, west, List.of(item("Une idée de l’Ouest"))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(paper.check(process.id(), facilitator, workshop, List.of(
                new PaperProposal("Une idée pour l’Ouest", BODY, bed.westCommune, "Mobilités", ""))))
                .containsExactly(new PaperProblem(1, "territory", "proposals.paper.territory.outsideScope"));
    }

    @Test
    void letsStaffRecordForAnyTerritoryOfTheProcess() {
        AgoraUser staff = bed.people.staff(RoleScope.GLOBAL);
        Collection west = new Collection(null, "Atelier de l’Ouest", null, bed.west);

        assertThat(paper.record(process.id(), staff, west, List.of(item("Une idée de l’Ouest, saisie par un agent")))).hasSize(1);
    }

    // ---- The bulk form --------------------------------------------------------------------------------------------

    @Test
    void recordsTheFilledBlocksOfTheBulkFormAndIgnoresBlankOnes() throws Exception {
        mvc.perform(post("/processes/" + process.slug() + "/proposals/paper").with(as(facilitator)).with(csrf())
                        .param("rows", "5").param("label", "Atelier du 12 mars à l’Est")
                        .param("territory", Long.toString(bed.eastArea))
                        .param("items[0].title", "Un composteur par quartier").param("items[0].body", BODY)
                        .param("items[0].theme", "Santé")
                        .param("items[2].title", "Un abri à vélos à la mairie").param("items[2].body", BODY)
                        .param("items[2].theme", "Mobilités").param("items[2].territory", Long.toString(bed.eastCommune)))
                .andExpect(redirectedUrl("/processes/" + process.slug() + "/proposals"));

        assertThat(bed.proposalsTitled("Un composteur par quartier")).isEqualTo(1);
        assertThat(bed.jdbc.queryForObject("SELECT territory_id FROM proposal WHERE title = ?", Long.class,
                "Un abri à vélos à la mairie")).isEqualTo(bed.eastCommune);
    }

    @Test
    void showsTheBulkFormErrorsByBlockNumberAndStoresNothing() throws Exception {
        mvc.perform(post("/processes/" + process.slug() + "/proposals/paper").with(as(facilitator)).with(csrf())
                        .param("rows", "5").param("label", "Atelier du 13 mars")
                        .param("territory", Long.toString(bed.eastArea))
                        .param("items[0].title", "Un bibliobus du mercredi").param("items[0].body", BODY)
                        .param("items[0].theme", "Santé")
                        .param("items[3].title", "Trop court").param("items[3].body", BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Proposition 4, thème : Choisissez un thème."),
                        containsString("href=\"#items-4-theme\""), containsString("Un bibliobus du mercredi"))));
        assertThat(bed.proposalsTitled("Un bibliobus du mercredi")).isZero();
    }

    @Test
    void addsBlocksWithoutJavaScript() throws Exception {
        mvc.perform(post("/processes/" + process.slug() + "/proposals/paper").with(as(facilitator)).with(csrf())
                        .param("rows", "5").param("more", "true").param("items[0].title", "Gardé pendant l’ajout"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"items[7].title\""),
                        not(containsString("name=\"items[8].title\"")), containsString("Gardé pendant l’ajout"))));
    }

    // ---- Claims ---------------------------------------------------------------------------------------------------

    /** The claim link of the invitation mailed to this address, as a path. */
    String claimPath(String email) {
        MailRequested mail = events.stream(MailRequested.class).filter(sent -> sent.recipient().equals(email))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(mail.topic()).isEqualTo("proposal-claim");
        assertThat(mail.subject()).contains("est en ligne");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/proposals/claim/[A-Za-z0-9_-]+").matcher(mail.text());
        assertThat(link.find()).isTrue();
        return link.group();
    }

    @Test
    void invitesTheParticipantWhoClaimsTheProposalOnce() throws Exception {
        String email = "claim-" + System.nanoTime() + "@example.org";
        String reference = paper.record(process.id(), facilitator, workshop, List.of(new PaperProposal(
                "Un pédibus pour l’école du bourg", BODY, null, "Mobilités", email))).getFirst();
        String path = claimPath(email);

        mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
        AgoraUser participant = bed.people.participant();
        mvc.perform(get(path).with(as(participant))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Un pédibus pour l’école du bourg")));
        mvc.perform(post(path).with(as(participant)).with(csrf()))
                .andExpect(redirectedUrl("/processes/" + process.slug() + "/proposals/" + reference));

        assertThat(bed.jdbc.queryForObject("SELECT author_id FROM proposal WHERE reference = ?", Long.class, reference))
                .isEqualTo(participant.id().value());
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM resource_follow WHERE account_id = ? AND resource_id = ?",
                Integer.class, participant.id().value(), bed.idOf(reference))).isEqualTo(1);
        assertThat(bed.jdbc.queryForObject("SELECT email FROM proposal_claim WHERE proposal_id = ?", String.class,
                bed.idOf(reference))).isEmpty();
        mvc.perform(get("/processes/" + process.slug() + "/proposals/" + reference))
                .andExpect(content().string(allOf(containsString(participant.pseudonym()), containsString("Recueillie lors de"),
                        not(containsString("Contribution recueillie sur papier")), not(containsString(email)))));
        mvc.perform(post(path).with(as(bed.people.participant())).with(csrf())).andExpect(status().isGone());
        mvc.perform(get(path).with(as(participant))).andExpect(status().isGone());
    }

    @Test
    void refusesAnExpiredOrUnknownClaimLink() throws Exception {
        String email = "late-" + System.nanoTime() + "@example.org";
        String reference = paper.record(process.id(), facilitator, workshop, List.of(new PaperProposal(
                "Un repair café à la salle des fêtes", BODY, null, "Mobilités", email))).getFirst();
        bed.jdbc.update("UPDATE proposal_claim SET expires_at = ? WHERE proposal_id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), bed.idOf(reference));
        AgoraUser participant = bed.people.participant();

        mvc.perform(post(claimPath(email)).with(as(participant)).with(csrf()))
                .andExpect(status().isGone()).andExpect(content().string(containsString("Ce lien a expiré.")));
        mvc.perform(get("/proposals/claim/" + "x".repeat(43)).with(as(participant))).andExpect(status().isNotFound());
        assertThat(bed.jdbc.queryForObject("SELECT author_id FROM proposal WHERE reference = ?", Long.class, reference))
                .isEqualTo(facilitator.id().value());
    }

    // ---- CSV ------------------------------------------------------------------------------------------------------

    PaperContributions.CsvPreview preview(String csv) {
        return paper.previewCsv(process.id(), facilitator, workshop, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsACsvSeparatedBySemicolonsWithABomAndFrenchColumns() {
        String csv = "\uFEFFtitre;texte;territoire;theme;remarque\n"
                + "Un atelier vélo au lycée;" + BODY + ";PRP1111;Mobilités;à revoir\n"
                + "\n"
                + "\"Des fontaines, enfin\";\"" + BODY + "\";;Santé;\n";

        List<String> references = paper.importCsv(process.id(), facilitator, workshop, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(references).hasSize(2);
        assertThat(bed.jdbc.queryForObject("SELECT territory_id FROM proposal WHERE title = ?", Long.class,
                "Un atelier vélo au lycée")).isEqualTo(bed.eastCommune);
        assertThat(bed.proposalsTitled("Des fontaines, enfin")).isEqualTo(1);
    }

    @Test
    void readsACommaSeparatedCsvWithEnglishColumnsAndTerritoryNames() {
        String csv = "title,body,territory,theme\n"
                + "Une halle couverte au marché,\"" + BODY + "\",Commune-de-l’Est,Santé\n";

        PaperContributions.CsvPreview preview = preview(csv);

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.items()).singleElement().extracting(PaperProposal::territoryId).isEqualTo(bed.eastCommune);
    }

    @Test
    void takesTheCommuneWhenALivingAreaHasTheSameName() {
        new org.agora.territories.TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                LIVING_AREA;PRP113;Homonyme;PRP11;
                COMMUNE;PRP1131;Homonyme;PRP113;99503
                """);
        long commune = bed.territories.findByCode(org.agora.territories.TerritoryKind.COMMUNE, "PRP1131").orElseThrow().id();
        AgoraUser staff = bed.people.staff(RoleScope.GLOBAL);

        PaperContributions.CsvPreview preview = paper.previewCsv(process.id(), staff, workshop,
                ("titre;texte;territoire;theme\nUne idée pour Homonyme;" + BODY + ";homonyme;Santé\n").getBytes(StandardCharsets.UTF_8));

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.items()).singleElement().extracting(PaperProposal::territoryId).isEqualTo(commune);
    }

    @Test
    void reportsAMissingColumnOnTheHeaderLine() {
        assertThat(preview("titre;theme\nUne idée sans texte;Santé\n").problems())
                .containsExactly(new PaperContributions.CsvProblem(1, "texte", "proposals.paper.csv.missingColumn"));
    }

    @Test
    void reportsEveryRowErrorWithItsLineAndColumnAndImportsNothing() {
        String csv = "titre,texte,territoire,theme\n"
                + "Une idée tout à fait correcte,\"" + BODY + "\",,Santé\n"
                + "," + BODY + ",,Santé\n"
                + "Une idée d’un autre canton,\"" + BODY + "\",99999,Mobilités\n";

        assertThat(preview(csv).problems()).containsExactly(
                new PaperContributions.CsvProblem(3, "titre", "proposals.form.title.required"),
                new PaperContributions.CsvProblem(4, "territoire", "proposals.paper.csv.unknownTerritory"));
        assertThatThrownBy(() -> paper.importCsv(process.id(), facilitator, workshop, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PaperContributions.InvalidCsv.class);
        assertThat(bed.proposalsTitled("Une idée tout à fait correcte")).isZero();
    }

    @Test
    void refusesMoreThanFiveHundredRows() {
        StringBuilder csv = new StringBuilder("titre;texte;theme\n");
        for (int row = 1; row <= 501; row++) {
            csv.append("Proposition numéro ").append(row).append(';').append(BODY).append(";Santé\n");
        }

        assertThat(preview(csv.toString()).problems())
                .containsExactly(new PaperContributions.CsvProblem(502, null, "proposals.paper.csv.tooManyRows"));
    }

    @Test
    void previewsACsvOnThePageThenImportsItOnConfirmation() throws Exception {
        String csv = "titre;texte;theme\nUne boîte à livres place du marché;" + BODY + ";Santé\n";
        org.springframework.mock.web.MockMultipartFile file = new org.springframework.mock.web.MockMultipartFile("file",
                "fabrik.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/processes/" + process.slug() + "/proposals/paper/csv").file(file)
                        .param("csvLabel", "Fabrik du marché").param("csvTerritory", Long.toString(bed.eastArea))
                        .with(as(facilitator)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Une boîte à livres place du marché");
        assertThat(bed.proposalsTitled("Une boîte à livres place du marché")).isZero();

        String data = org.jsoup.Jsoup.parse(page).selectFirst("input[name=csvData]").attr("value");
        mvc.perform(post("/processes/" + process.slug() + "/proposals/paper/csv").with(as(facilitator)).with(csrf())
                        .param("csvData", data).param("csvLabel", "Fabrik du marché")
                        .param("csvTerritory", Long.toString(bed.eastArea)).param("confirm", "true"))
                .andExpect(redirectedUrl("/processes/" + process.slug() + "/proposals"));
        assertThat(bed.proposalsTitled("Une boîte à livres place du marché")).isEqualTo(1);
    }

    @Test
    void listsCsvErrorsByLineOnThePage() throws Exception {
        String csv = "titre;texte;theme\nCourt;" + BODY + ";Santé\n";
        org.springframework.mock.web.MockMultipartFile file = new org.springframework.mock.web.MockMultipartFile("file",
                "fabrik.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/processes/" + process.slug() + "/proposals/paper/csv").file(file)
                        .param("csvLabel", "Fabrik du marché").param("csvTerritory", Long.toString(bed.eastArea))
                        .with(as(facilitator)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ligne 2, colonne « titre » : Le titre compte de 10 à 150 caractères.")));
    }
}
