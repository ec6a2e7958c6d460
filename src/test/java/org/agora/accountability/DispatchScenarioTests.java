package org.agora.accountability;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.agora.AgoraTest;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 4 §6: 500 proposals dispatched 100/50/150/150/50 across the five default destinations with the bulk
 * evaluation actions, then every count of the public breakdown page checked against the database.
 */
@AgoraTest
class DispatchScenarioTests extends BreakdownTestSupport {

    private static final AtomicBoolean TERRITORIES = new AtomicBoolean();
    private static final List<String> THEMES = List.of("Mobilités", "Santé", "Éducation", "Climat");
    private static final String COUNTED = "p.process_id = :process AND p.status IN ('PUBLISHED', 'WITHDRAWN') "
            + "AND p.hidden_reason IS NULL";

    @Test
    void fiveHundredDispatchedProposalsAreCountedOnTheBreakdownPageAsInTheDatabase() throws Exception {
        if (TERRITORIES.compareAndSet(false, true)) {
            new TerritoryFixtures(context).load("""
                    kind;code;name;parent_code;postal_codes
                    DEPARTEMENT;DSP21;Département du tri;ACC1;
                    LIVING_AREA;DSP211;Bassin du tri;DSP21;
                    COMMUNE;DSP2111;Commune-du-Tri;DSP211;99801
                    """);
        }
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        long region = territories.findByCode(TerritoryKind.REGION, "ACC1").orElseThrow().id();
        long[] places = {commune, territories.findByCode(TerritoryKind.COMMUNE, "DSP2111").orElseThrow().id(),
                territories.findByCode(TerritoryKind.LIVING_AREA, "DSP211").orElseThrow().id(), region};
        process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Les 500 propositions", region, THEMES, null, null);
        processId = process.id().value();
        evaluator = people.staff(RoleScope.process(processId));

        List<Long> ids = new ArrayList<>();
        for (int index = 0; index < 500; index++) {
            ids.add(proposals.publish(process, author, "Proposition n° " + (index + 1), "Le texte de la proposition n° "
                    + (index + 1) + ", assez long pour être publié.", places[index % places.length],
                    THEMES.get(index % THEMES.size())).transform(proposals::idOf));
        }
        management.assign(evaluator, processId, ids, evaluator.id());
        long template = management.addTemplate(evaluator, processId, "Réponse groupée",
                "Merci {pseudonyme} : la proposition {reference} « {titre} » a été examinée.").getId();
        int from = 0;
        int[] shares = {100, 50, 150, 150, 50};
        DestinationKind[] kinds = {DestinationKind.CHARTER, DestinationKind.IMMEDIATE_MEASURE,
                DestinationKind.WORK_PROGRAMME, DestinationKind.OTHER_LEVEL, DestinationKind.NOT_RETAINED};
        for (int kind = 0; kind < kinds.length; kind++) {
            List<Long> share = ids.subList(from, from + shares[kind]);
            assertThat(management.applyTemplate(evaluator, processId, share, template, destination(kinds[kind]),
                    kinds[kind] == DestinationKind.NOT_RETAINED ? "Hors du champ de la démarche" : null)).isEqualTo(shares[kind]);
            from += shares[kind];
        }
        assertThat(management.validate(administrator, processId, ids)).isEqualTo(500);
        assertThat(management.publishValidated(administrator, processId, null)).isEqualTo(500);

        Document page = Jsoup.parse(page(null, "/processes/" + process.slug() + "/suites").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(jdbc);
        MapSqlParameterSource params = new MapSqlParameterSource("process", processId);

        for (int kind = 0; kind < kinds.length; kind++) {
            long inDatabase = sql.queryForObject("SELECT COUNT(*) FROM evaluation e JOIN proposal p ON p.id = e.proposal_id "
                    + "JOIN destination d ON d.id = e.destination_id WHERE " + COUNTED
                    + " AND e.state = 'PUBLISHED' AND d.kind = :kind", params.addValue("kind", kinds[kind].name()), Long.class);
            assertThat(inDatabase).isEqualTo(shares[kind]);
            String label = sql.queryForObject("SELECT label_fr FROM destination WHERE id = :id",
                    new MapSqlParameterSource("id", destination(kinds[kind])), String.class);
            assertThat(BreakdownTests.count(page, "destinations", label)).isEqualTo(Long.toString(inDatabase));
        }
        assertThat(BreakdownTests.count(page, "destinations", "En cours d'examen")).isEqualTo("0");
        assertThat(BreakdownTests.count(page, "destinations", "Pas encore examinées")).isEqualTo("0");

        for (String code : List.of("ACC11", "DSP21")) {
            long departement = territories.findByCode(TerritoryKind.DEPARTEMENT, code).orElseThrow().id();
            Set<Long> within = territories.selfAndDescendants(departement);
            long inDatabase = sql.queryForObject("SELECT COUNT(*) FROM proposal p WHERE " + COUNTED
                    + " AND p.territory_id IN (:within)", params.addValue("within", within), Long.class);
            String name = territories.find(departement).orElseThrow().name();
            assertThat(BreakdownTests.count(page, "territories", name)).isEqualTo(Long.toString(inDatabase));
        }
        long regionWide = sql.queryForObject("SELECT COUNT(*) FROM proposal p WHERE " + COUNTED + " AND p.territory_id = :region",
                params.addValue("region", region), Long.class);
        assertThat(BreakdownTests.count(page, "territories", "Tout le territoire (sans département précis)"))
                .isEqualTo(Long.toString(regionWide));

        for (String theme : THEMES) {
            long inDatabase = sql.queryForObject("SELECT COUNT(*) FROM proposal p WHERE " + COUNTED + " AND p.theme = :theme",
                    params.addValue("theme", theme), Long.class);
            assertThat(BreakdownTests.count(page, "themes", theme)).isEqualTo(Long.toString(inDatabase));
        }

        String csv = page(null, "/processes/" + process.slug() + "/suites/proposals.csv").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long rows = sql.queryForObject("SELECT COUNT(*) FROM proposal p WHERE " + COUNTED, params, Long.class);
        assertThat(ProposalExportTests.parse(csv)).hasSize((int) rows + 1);
        assertThat(rows).isEqualTo(500);
        assertThat(ProposalExportTests.parse(csv).stream().skip(1).map(row -> row.get(3)).collect(Collectors.toSet()))
                .hasSize(5);
    }
}
