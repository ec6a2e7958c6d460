package org.agora.statistics;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.AgoraTest;
import org.agora.DatabaseTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PaperContributions;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The precomputed figures match a direct count of the rows after contributions, withdrawals and deletions, for a
 * process, a territory and the instance, over all time and over a period; distinct contributors count each person
 * once and each unclaimed paper contribution as a participant of its own.
 */
@AgoraTest
@DatabaseTest
class FiguresExactnessTests {

    /** A tree of its own per test ({@code %1$s} a unique suffix), so that no other test's contributions fall in it. */
    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;FX%1$s;Région exacte %1$s;;
            DEPARTEMENT;FX%1$sD;Département exact %1$s;FX%1$s;
            LIVING_AREA;FX%1$sN;Bassin exact du Nord %1$s;FX%1$sD;
            COMMUNE;FX%1$sC;Juste-sur-Loire %1$s;FX%1$sN;99711
            LIVING_AREA;FX%1$sS;Bassin exact du Sud %1$s;FX%1$sD;
            """;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired PaperContributions paper;
    @Autowired FiguresProjection projection;
    @Autowired FiguresDataset dataset;
    @Autowired JdbcTemplate jdbc;

    People people;
    AgoraUser staff;
    long department;
    long north;
    long northCommune;
    long south;
    ProcessSettings process;
    PublicProposal northIdea;
    PublicProposal southIdea;
    AgoraUser alice;
    AgoraUser bob;

    @BeforeEach
    void aProcessWithContributionsWithdrawalsAndDeletions() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 2_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        new TerritoryFixtures(context).load(TREE.formatted(suffix));
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        staff = people.staff(RoleScope.GLOBAL);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "FX" + suffix + "D").orElseThrow().id();
        north = territories.findByCode(TerritoryKind.LIVING_AREA, "FX" + suffix + "N").orElseThrow().id();
        northCommune = territories.findByCode(TerritoryKind.COMMUNE, "FX" + suffix + "C").orElseThrow().id();
        south = territories.findByCode(TerritoryKind.LIVING_AREA, "FX" + suffix + "S").orElseThrow().id();
        process = new ParticipationProcesses(context, staff).open("Démarche exacte " + System.nanoTime(), department,
                List.of(), null, null);

        ProposalFixtures proposals = new ProposalFixtures(context);
        alice = people.participant();
        bob = people.participant();
        AgoraUser carol = people.participant();
        AgoraUser dave = people.participant();
        AgoraUser erin = people.participant();
        AgoraUser frank = people.participant();
        northIdea = proposals.publish(process, alice, "Une idée exacte au nord", northCommune);
        southIdea = proposals.publish(process, bob, "Une idée exacte au sud", south);
        paper.record(process.id(), staff, new PaperContributions.Collection(null, "Fabrik exacte", null, north), List.of(
                new PaperContributions.PaperProposal("Une idée exacte sur papier", "Un texte assez long recueilli sur papier.", null, "", ""),
                new PaperContributions.PaperProposal("Une autre idée exacte sur papier", "Un texte assez long recueilli sur papier.", south, "", "")));

        proposals.support(new ProposalId(northIdea.id().value()), carol);
        proposals.support(new ProposalId(northIdea.id().value()), dave);
        proposals.support(new ProposalId(southIdea.id().value()), alice);
        mvc.perform(post("/processes/{slug}/proposals/{reference}/unsupport", process.slug(), northIdea.reference())
                .with(as(dave)).with(csrf())).andExpect(status().is3xxRedirection());

        long erinComment = comment(erin, northIdea, "Un commentaire qui sera effacé par son autrice.");
        comment(frank, southIdea, "Un commentaire qui reste sous l’idée du sud.");
        mvc.perform(post("/comments/{id}/delete", erinComment).with(as(erin)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    long comment(AgoraUser author, PublicProposal proposal, String body) throws Exception {
        mvc.perform(post("/comments").with(as(author)).with(csrf()).param("resourceType", "proposal")
                .param("resourceId", Long.toString(proposal.id().value())).param("stance", "FOR").param("body", body))
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("SELECT MAX(id) FROM resource_comment WHERE author_id = ?", Long.class, author.id().value());
    }

    FigureScope ofProcess() {
        return new FigureScope(process.id().value(), process.slug(), process.title(), null, null);
    }

    @Test
    void countsEachPersonOnceAndEachUnclaimedPaperContributionAsAParticipantLeavingOutWithdrawnSupportsAndDeletedComments() throws Exception {
        projection.recompute();
        String page = mvc.perform(get("/chiffres").param("process", process.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // alice (a proposal and a support), bob, carol, frank and the two paper contributions; not dave (support
        // withdrawn) nor erin (comment deleted).
        assertThat(figure(page, "Contributeurs (personnes distinctes)")).isEqualTo(6);
        assertThat(figure(page, "Propositions écrites en ligne")).isEqualTo(2);
        assertThat(figure(page, "Propositions recueillies sur papier")).isEqualTo(2);
        assertThat(figure(page, "Soutiens aux propositions")).isEqualTo(2);
        assertThat(figure(page, "Commentaires")).isEqualTo(1);
        assertThat(figure(page, "Total des contributions")).isEqualTo(7);

        String territory = mvc.perform(get("/chiffres").param("territory", Long.toString(north))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(figure(territory, "Contributeurs (personnes distinctes)")).as("alice, carol, the northern paper").isEqualTo(3);
        assertThat(figure(territory, "Soutiens aux propositions")).isEqualTo(1);
        assertThat(figure(territory, "Commentaires")).isZero();
    }

    @Test
    void thePrecomputedFiguresEqualADirectCountForEveryScopeAndPeriod() throws Exception {
        jdbc.update("UPDATE proposal SET published_at = ? WHERE id = ?", Timestamp.from(Instant.parse("2024-03-10T10:00:00Z")),
                southIdea.id().value());
        projection.recompute();
        Figures figures = context.getBean(Figures.class);
        LocalDate today = LocalDate.now(org.agora.shared.Clocks.PARIS);
        List<FigureScope> scopes = List.of(FigureScope.instance(), ofProcess(),
                new FigureScope(null, null, null, department, "Département exact"),
                new FigureScope(null, null, null, north, "Bassin exact du Nord"),
                new FigureScope(null, null, null, northCommune, "Juste-sur-Loire"));
        List<FigurePeriod> periods = List.of(FigurePeriod.parse("all", null, null, today), FigurePeriod.parse("30d", null, null, today),
                FigurePeriod.parse("year", null, null, today), FigurePeriod.parse(null, "2024-03-01", "2024-03-31", today));
        List<String> checked = new ArrayList<>();
        for (FigureScope scope : scopes) {
            for (FigurePeriod period : periods) {
                FigureBlock block = figures.blocks(scope, period).stream().filter(candidate -> candidate.key().equals("contributions"))
                        .findFirst().orElseThrow();
                String where = scope + " " + period;
                assertThat(value(block, "statistics.contributions.contributors")).as("contributors " + where)
                        .isEqualTo(projection.directContributors(scope, period));
                for (String kind : ContributionFigureProvider.KINDS) {
                    assertThat(value(block, "statistics.contributions.kind." + kind)).as(kind + " " + where)
                            .isEqualTo(projection.directContributions(scope, period, kind));
                }
                checked.add(where);
            }
        }
        assertThat(checked).hasSize(20);
        assertThat(projection.verify()).as("the verification a deployment can run after a recompute").isEmpty();
        assertThat(projection.directContributors(ofProcess(), periods.get(3))).as("bob's proposal of March 2024").isEqualTo(1);
    }

    @Test
    void filtersEveryContributionFigureByThePeriodAndChartsItsMonths() throws Exception {
        jdbc.update("UPDATE proposal SET published_at = ? WHERE id = ?", Timestamp.from(Instant.parse("2024-03-10T10:00:00Z")),
                southIdea.id().value());
        jdbc.update("UPDATE proposal_support SET created_at = ? WHERE proposal_id = ?",
                Timestamp.from(Instant.parse("2024-03-31T22:30:00Z")), southIdea.id().value());
        projection.recompute();
        String march = mvc.perform(get("/chiffres").param("process", process.slug()).param("from", "2024-03-01")
                .param("to", "2024-03-31")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(figure(march, "Propositions écrites en ligne")).isEqualTo(1);
        assertThat(figure(march, "Soutiens aux propositions")).as("31 March 22:30 UTC is 1 April in Paris").isZero();
        assertThat(figure(march, "Contributeurs (personnes distinctes)")).isEqualTo(1);
        assertThat(figure(march, "mars 2024")).isEqualTo(1);

        String april = mvc.perform(get("/chiffres").param("process", process.slug()).param("from", "2024-04-01")
                .param("to", "2024-04-30")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(figure(april, "Soutiens aux propositions")).isEqualTo(1);
        assertThat(figure(april, "Contributeurs (personnes distinctes)")).as("alice, supporting").isEqualTo(1);

        String recent = mvc.perform(get("/chiffres").param("process", process.slug()).param("period", "30d"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(figure(recent, "Propositions écrites en ligne")).isEqualTo(1);
        assertThat(figure(recent, "Propositions recueillies sur papier")).isEqualTo(2);
        assertThat(recent).contains("/chiffres/contributions.csv?process=" + process.slug() + "&amp;period=30d");
    }

    @Test
    void drawsEachBlockAsAnAccessibleSvgChartFollowedByItsTableAndItsOwnCsv() throws Exception {
        projection.recompute();
        String page = mvc.perform(get("/chiffres").param("process", process.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"")
                .contains("aria-labelledby=\"chart-contributions-title chart-contributions-desc\"")
                .contains("<title id=\"chart-contributions-title\">Contributions — Depuis le début</title>")
                .doesNotContain("style=");
        assertThat(page.indexOf("id=\"chart-contributions\"")).isLessThan(page.indexOf("Contributeurs distincts et contributions par nature"));

        String csv = mvc.perform(get("/chiffres/contributions.csv").param("process", process.slug())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).containsExactly("\uFEFFRubrique;Indicateur;Valeur",
                "Contributions;Contributeurs (personnes distinctes);6", "Contributions;Propositions écrites en ligne;2",
                "Contributions;Propositions recueillies sur papier;2",
                "Contributions;Propositions importées d’un autre outil (fichier CSV);0", "Contributions;Soutiens aux propositions;2",
                "Contributions;Commentaires;1", "Contributions;Total des contributions;7");
        mvc.perform(get("/chiffres/nothing.csv").param("process", process.slug())).andExpect(status().isNotFound());
    }

    @Test
    void answersABadPeriodWithAClearMessageAndA400() throws Exception {
        String page = mvc.perform(get("/chiffres").param("from", "2024-13-45")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("La date de début n’est pas une date valide");
        assertThat(mvc.perform(get("/chiffres").param("from", "2024-05-01").param("to", "2024-04-01"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("La date de fin précède la date de début.");
        mvc.perform(get("/chiffres").param("period", "forever")).andExpect(status().isBadRequest());
        mvc.perform(get("/chiffres.csv").param("to", "hier")).andExpect(status().isBadRequest());
        mvc.perform(get("/chiffres/contributions.csv").param("from", "1900-01-01")).andExpect(status().isBadRequest());
    }

    @Test
    void listsTheFiguresOfTheInstanceEachProcessAndEachDepartmentInTheSitemap() throws Exception {
        String sitemap = mvc.perform(get("/sitemap.xml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sitemap).contains("/chiffres</loc>", "/chiffres?process=" + process.slug() + "</loc>",
                "/chiffres?territory=" + department + "</loc>", "/chiffres?territory=" + north + "</loc>");
    }

    @Test
    void publishesTheFiguresAsAnOpenDatasetRowPerScopePeriodAndFigure() {
        projection.recompute();
        assertThat(dataset.name()).isEqualTo("figures");
        assertThat(dataset.columns()).extracting(org.agora.shared.OpenDataset.Column::name)
                .containsExactly("scope", "period", "block", "figure", "value");
        List<Object[]> rows = new ArrayList<>();
        dataset.forEachRow(rows::add);
        String processKey = "process:" + process.id().value();
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly(processKey, "all", "contributions",
                "contributions.contributors", 6L));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("territory:" + north, "year", "contributions",
                "contributions.kind.SUPPORT", 1L));
        assertThat(rows).allSatisfy(row -> assertThat(row[4]).isInstanceOf(Long.class));
    }

    static long value(FigureBlock block, String label) {
        return block.figures().stream().filter(figure -> figure.label().equals(label)).findFirst().orElseThrow().number();
    }

    /** The value of the table row labelled {@code label}. */
    static long figure(String html, String label) {
        Matcher row = Pattern.compile("<th scope=\"row\">" + Pattern.quote(label) + "</th>\\s*<td>(\\d+)</td>").matcher(html);
        assertThat(row.find()).as("a row labelled " + label).isTrue();
        return Long.parseLong(row.group(1));
    }
}
