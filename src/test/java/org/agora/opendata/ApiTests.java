package org.agora.opendata;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.comments.CommentImport;
import org.agora.meetings.MeetingFixtures;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read API against data the test seeds: its contract (every documented GET operation answers what its OpenAPI
 * schema says, and every /api/v1 endpoint is documented), its filters and paging, its problem details, and that no
 * personal data leaves through it.
 */
@AgoraTest
class ApiTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;API1;Région de l’API;;
            DEPARTEMENT;API11;Département de l’API;API1;
            LIVING_AREA;API111;Bassin API du Nord;API11;
            COMMUNE;API1111;Requête-sur-Loire;API111;99801
            LIVING_AREA;API112;Bassin API du Sud;API11;
            """;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired CommentImport comments;
    @Autowired JdbcClient jdbc;

    /** Each test its own client address, so that the per-address rate limit of the shared context never interferes. */
    static int address = 1;
    RequestPostProcessor client;

    ProcessSettings process;
    AgoraUser author;
    AgoraUser commenter;
    long department;
    long north;
    long commune;
    long south;
    PublicProposal inNorth;
    PublicProposal inCommune;
    PublicProposal inSouth;
    String unique;

    @BeforeEach
    void seed() {
        int mine = address++;
        client = request -> {
            request.setRemoteAddr("10.99.0." + mine);
            return request;
        };
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "API11").orElseThrow().id();
        north = territories.findByCode(TerritoryKind.LIVING_AREA, "API111").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "API1111").orElseThrow().id();
        south = territories.findByCode(TerritoryKind.LIVING_AREA, "API112").orElseThrow().id();
        People people = new People(context.getBean(AccountManagement.class));
        AgoraUser staff = people.staff(RoleScope.GLOBAL);
        author = people.someone("auteur-secret-api");
        commenter = people.someone("commentatrice-secrete-api");
        unique = Long.toString(System.nanoTime());
        process = new ParticipationProcesses(context, staff).open("Démarche de l’API " + unique, department, List.of(),
                null, null);
        ProposalFixtures proposals = new ProposalFixtures(context);
        inNorth = proposals.publish(process, author, "Une idée du nord " + unique, north);
        inCommune = proposals.publish(process, author, "Une idée de la commune " + unique, commune);
        inSouth = proposals.publish(process, author, "Une idée du sud " + unique, south);
        proposals.support(inSouth.id(), people.participant());
        proposals.support(inSouth.id(), people.participant());
        comments.record(new ResourceRef("proposal", inNorth.id().value()), null, commenter.id(), CommentImport.Stance.FOR,
                "Un commentaire d’accord " + unique, Instant.now());
        new MeetingFixtures(context, staff).published("Rencontre de l’API " + unique, process.id().value(), north,
                Duration.ofDays(5));
        answer(inSouth, "Une réponse publiée " + unique);
        jdbc.sql("INSERT INTO ambition (position, title, description) VALUES (99, 'Ambition API', 'Une ambition')").update();
        long ambition = jdbc.sql("SELECT MAX(id) FROM ambition").query(Long.class).single();
        jdbc.sql("INSERT INTO objective (ambition_id, position, title) VALUES (?, 1, 'Objectif API')").param(ambition).update();
        long objective = jdbc.sql("SELECT MAX(id) FROM objective").query(Long.class).single();
        jdbc.sql("INSERT INTO work_programme (objective_id, slug, title, description, status, progress) "
                + "VALUES (?, ?, 'Chantier API', 'Un chantier', 'ONGOING', 40)").params(objective, "chantier-api-" + unique).update();
    }

    /** A published answer, as the evaluation workflow leaves it (the workflow itself is tested in accountability). */
    void answer(PublicProposal proposal, String text) {
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO destination (process_id, position, label_fr, description, icon, kind, reason_required) "
                + "VALUES (?, 1, ?, 'Intégrée', 'CHECK', 'WORK_PROGRAMME', FALSE)").params(proposal.processId().value(),
                "Intégrée " + unique).update();
        long destination = jdbc.sql("SELECT id FROM destination WHERE label_fr = ?").param("Intégrée " + unique)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO evaluation (proposal_id, process_id, state, assignee_id, assigned_at, destination_id, "
                + "answer_text, published_at, version) VALUES (?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, 0)")
                .params(proposal.id().value(), proposal.processId().value(), author.id().value(), Timestamp.from(now),
                        destination, text, Timestamp.from(now)).update();
        jdbc.sql("UPDATE proposal SET answered_at = ? WHERE id = ?").params(Timestamp.from(now), proposal.id().value()).update();
    }

    MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(client)).andReturn();
    }

    JsonNode body(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = call(request);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asString()));
        return titles;
    }

    @Test
    void everyDocumentedReadOperationAnswersWhatItsSchemaSaysAndEveryEndpointIsDocumented() throws Exception {
        JsonNode document = body(get("/v3/api-docs"));
        assertThat(document.path("components").path("securitySchemes").has("personalAccessToken")).isTrue();
        assertThat(document.path("info").path("license").path("name").asString()).contains("Etalab");

        Set<String> documented = new TreeSet<>();
        Map<String, String> examples = Map.of("slug", process.slug(), "id", Long.toString(inNorth.id().value()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().properties().iterator(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                if (!operation.getKey().equals("get")) {
                    continue;
                }
                String url = concrete(path.getKey(), examples, document);
                MvcResult result = call(get(url));
                assertThat(result.getResponse().getStatus()).as(url + " " + result.getResponse().getContentAsString()).isEqualTo(200);
                JsonNode schema = operation.getValue().path("responses").path("200").path("content").path("application/json").path("schema");
                assertThat(schema.isMissingNode()).as(url + " documents its 200 answer").isFalse();
                List<Error> errors = validator(document, schema).validate(JSON.readTree(result.getResponse().getContentAsString()));
                assertThat(errors).as(url).isEmpty();
                for (String status : List.of("429", "500")) {
                    assertThat(operation.getValue().path("responses").has(status)).as(url + " documents " + status).isTrue();
                }
            }
        }

        Set<String> served = new TreeSet<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/v1")) {
                    info.getMethodsCondition().getMethods().forEach(verb -> served.add(verb.name() + " " + pattern));
                }
            }
        });
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        assertThat(served).contains("GET /api/v1/proposals", "GET /api/v1/proposals/{id}/comments", "GET /api/v1/meetings",
                "GET /api/v1/answers", "GET /api/v1/work-programmes", "GET /api/v1/panels", "GET /api/v1/territories",
                "GET /api/v1/processes/{slug}");
    }

    /** The operation's path with its path parameters filled from the seeded data (by their own examples otherwise). */
    private String concrete(String path, Map<String, String> examples, JsonNode document) throws Exception {
        String url = path;
        if (path.startsWith("/api/v1/work-programmes/")) {
            return path.replace("{slug}", "chantier-api-" + unique);
        }
        if (path.startsWith("/api/v1/territories/")) {
            return path.replace("{id}", Long.toString(north));
        }
        if (path.startsWith("/api/v1/panels/")) {
            JsonNode panels = body(get("/api/v1/panels"));
            return panels.path("items").isEmpty() ? "/api/v1/panels" : path.replace("{slug}", panels.path("items").path(0).path("slug").asString());
        }
        for (Map.Entry<String, String> example : examples.entrySet()) {
            url = url.replace("{" + example.getKey() + "}", example.getValue());
        }
        return url;
    }

    private static Schema validator(JsonNode document, JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.setAll((ObjectNode) schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
    }

    @Test
    void aTerritoryFilterTakesInTheTerritoriesBelowIt() throws Exception {
        JsonNode northAndBelow = body(get("/api/v1/proposals").param("process", process.slug()).param("territory", Long.toString(north)));
        assertThat(titles(northAndBelow)).containsExactlyInAnyOrder(inNorth.title(), inCommune.title());
        JsonNode wholeDepartment = body(get("/api/v1/proposals").param("territory", Long.toString(department)));
        assertThat(titles(wholeDepartment)).contains(inNorth.title(), inCommune.title(), inSouth.title());
        JsonNode meetings = body(get("/api/v1/meetings").param("territory", Long.toString(department)).param("process", process.slug()));
        assertThat(titles(meetings)).containsExactly("Rencontre de l’API " + unique);
        assertThat(body(get("/api/v1/meetings").param("territory", Long.toString(south)).param("process", process.slug()))
                .path("totalItems").asLong()).isZero();
    }

    @Test
    void proposalsAreFilteredByStatusAndDatesAndSortedBySupports() throws Exception {
        JsonNode answered = body(get("/api/v1/proposals").param("process", process.slug()).param("status", "answered"));
        assertThat(titles(answered)).containsExactly(inSouth.title());
        JsonNode item = answered.path("items").path(0);
        assertThat(item.path("answer").path("text").asString()).isEqualTo("Une réponse publiée " + unique);
        assertThat(item.path("answer").path("destinationKind").asString()).isEqualTo("WORK_PROGRAMME");
        assertThat(item.path("supports").asInt()).isEqualTo(2);
        assertThat(item.path("territory").path("name").asString()).isEqualTo("Bassin API du Sud");

        assertThat(titles(body(get("/api/v1/proposals").param("process", process.slug()).param("sort", "supports")))
                .getFirst()).isEqualTo(inSouth.title());
        assertThat(body(get("/api/v1/proposals").param("process", process.slug()).param("since", "2000-01-01")
                .param("until", "2001-01-01")).path("totalItems").asLong()).isZero();
        assertThat(body(get("/api/v1/proposals").param("process", process.slug())
                .param("since", Instant.now().minus(Duration.ofHours(1)).toString())).path("totalItems").asLong()).isEqualTo(3);
        assertThat(body(get("/api/v1/proposals").param("process", process.slug()).param("status", "withdrawn"))
                .path("totalItems").asLong()).isZero();
        assertThat(titles(body(get("/api/v1/answers").param("process", process.slug())))).hasSize(1);
    }

    @Test
    void pagesCarryTheirBoundsAndLinks() throws Exception {
        MvcResult result = call(get("/api/v1/proposals").param("process", process.slug()).param("size", "2").param("page", "1"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("totalItems").asLong()).isEqualTo(3);
        assertThat(page.path("totalPages").asLong()).isEqualTo(2);
        assertThat(page.path("links").path("next").isNull()).isTrue();
        assertThat(page.path("links").path("prev").asString()).contains("page=0");
        assertThat(result.getResponse().getHeader("Link")).contains("rel=\"prev\"").contains("rel=\"first\"")
                .doesNotContain("rel=\"next\"");
        MvcResult filtered = call(get(java.net.URI.create("/api/v1/proposals?process=" + process.slug()
                + "&since=2000-01-01T00:00:00%2B01:00&size=2&page=1")));
        assertThat(filtered.getResponse().getHeader("Link"))
                .contains("process=" + process.slug(), "since=2000-01-01T00:00:00%2B01:00", "size=2", "page=0")
                .doesNotContain("%252B");
        JsonNode beyond = body(get("/api/v1/proposals").param("process", process.slug()).param("page", "7"));
        assertThat(beyond.path("items")).isEmpty();
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        for (String[] bad : List.of(new String[] {"size", "101"}, new String[] {"size", "0"}, new String[] {"page", "-1"},
                new String[] {"page", "deux"}, new String[] {"status", "lost"}, new String[] {"since", "hier"},
                new String[] {"territory", "999999999"}, new String[] {"process", "nulle-part-" + unique},
                new String[] {"sort", "random"}, new String[] {"page", "600"})) {
            mvc.perform(get("/api/v1/proposals").param(bad[0], bad[1]).with(client))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.parameter").value(bad[0]))
                    .andExpect(jsonPath("$.instance").value("/api/v1/proposals"))
                    .andExpect(jsonPath("$.type").exists())
                    .andExpect(jsonPath("$.title").value("Bad Request"));
        }
        mvc.perform(get("/api/v1/meetings").param("from", "2026-05-01").param("to", "2026-04-01").with(client))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("to"));
    }

    @Test
    void unknownResourcesMethodsAndMediaTypesAreProblems() throws Exception {
        mvc.perform(get("/api/v1/proposals/999999999").with(client)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("No public proposal has the id 999999999."));
        mvc.perform(get("/api/v1/processes/nulle-part-" + unique).with(client)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/nothing-here").with(client)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(delete("/api/v1/proposals").with(client)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("partner")))
                .andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "GET"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(get("/api/v1/proposals").accept("text/csv").with(client)).andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/proposals").with(client)).andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void readingNeedsNoSessionAndIsOpenToEveryOrigin() throws Exception {
        MvcResult result = call(get("/api/v1/processes").header("Origin", "https://partenaire.example"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getResponse().getHeader("RateLimit-Limit")).isNotNull();
    }

    @Test
    void noEmailOrPseudonymOfPeopleWhoDidNotOptInLeavesThroughTheApi() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String url : List.of("/api/v1/proposals?process=" + process.slug(), "/api/v1/proposals/" + inNorth.id().value(),
                "/api/v1/proposals/" + inNorth.id().value() + "/comments", "/api/v1/answers?process=" + process.slug(),
                "/api/v1/meetings?process=" + process.slug(), "/api/v1/processes/" + process.slug(), "/api/v1/panels")) {
            MvcResult result = call(get(url));
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            all.append(result.getResponse().getContentAsString());
        }
        String responses = all.toString();
        assertThat(responses).contains("Un commentaire d’accord " + unique);
        assertThat(responses).doesNotContain(author.email(), commenter.email(), author.pseudonym(), commenter.pseudonym(),
                "auteur-secret-api", "commentatrice-secrete-api", "@example.org");
        JsonNode proposal = body(get("/api/v1/proposals/" + inNorth.id().value()));
        assertThat(proposal.path("author").asString()).matches("p-[0-9a-f]{16}");
    }
}
