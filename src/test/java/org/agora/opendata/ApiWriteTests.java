package org.agora.opendata;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccessTokens;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.accounts.TokenScope;
import org.agora.meetings.MeetingFixtures;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The write endpoints of the API: a personal access token with the right scope is the only way in, the owning modules'
 * rules apply, refusals are RFC 9457 problems, and every response matches the OpenAPI document.
 */
@AgoraTest
class ApiWriteTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;APW1;Région des applications;;
            DEPARTEMENT;APW11;Département des jetons;APW1;
            LIVING_AREA;APW111;Bassin des jetons;APW11;
            COMMUNE;APW1111;Jeton-sur-Loire;APW111;99801
            REGION;APW9;Région d’à côté;;
            """;

    static final String SUBMIT = "/api/v1/processes/{slug}/proposals";
    static final String SUPPORT = "/api/v1/proposals/{id}/support";
    static final String COMMENT = "/api/v1/proposals/{id}/comments";
    static final String REGISTRATION = "/api/v1/meetings/{id}/registration";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired AccessTokens tokens;
    @Autowired JdbcTemplate jdbc;

    People people;
    ParticipationProcesses processes;
    ApiWriteContract contract;
    AgoraUser staff;
    long region;
    long commune;
    long elsewhere;

    @BeforeEach
    void setUp() throws Exception {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        staff = people.staff(RoleScope.GLOBAL);
        processes = new ParticipationProcesses(context, staff);
        region = territories.findByCode(TerritoryKind.REGION, "APW1").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "APW1111").orElseThrow().id();
        elsewhere = territories.findByCode(TerritoryKind.REGION, "APW9").orElseThrow().id();
        contract = new ApiWriteContract(mvc);
    }

    String token(AgoraUser user, TokenScope... scopes) {
        return tokens.create(user.id(), "Application de test", Set.of(scopes), null).secret();
    }

    static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode call(String method, String template, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s %s: %s", method, template,
                result.getResponse().getContentAsString()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
        return contract.check(method, template, result);
    }

    ProcessSettings openProcess() {
        return processes.open("Démarche par API", region, List.of("Mobilités"), null, null);
    }

    PublicProposal proposal(ProcessSettings process) {
        return new ProposalFixtures(context).publish(process, people.participant(), "Une proposition venue d’ailleurs", commune);
    }

    static String proposalJson(String title, long territoryId, String theme) {
        return """
                {"title": "%s", "body": "Un texte assez long pour être une proposition reçue par l’API.", "territoryId": %d, "theme": "%s"}
                """.formatted(title, territoryId, theme);
    }

    // ---- Authentication and scopes --------------------------------------------------------------------------------

    @Test
    void refusesEveryWriteWithoutAValidBearerTokenEvenWithASignedInSession() throws Exception {
        ProcessSettings process = openProcess();
        PublicProposal proposal = proposal(process);
        long meeting = new MeetingFixtures(context, staff).withSeats("Rencontre sans jeton", commune, 10, Duration.ofDays(5));
        AgoraUser signedIn = people.participant();
        String revoked = token(signedIn, TokenScope.values());
        tokens.revoke(signedIn.id(), tokens.of(signedIn.id()).getFirst().id());
        record Write(String method, String template, java.util.function.Supplier<MockHttpServletRequestBuilder> request) {
        }
        List<Write> writes = List.of(
                new Write("POST", SUBMIT, () -> json(post(SUBMIT, process.slug()), proposalJson("Une idée sans jeton valable", commune, "Mobilités"))),
                new Write("PUT", SUPPORT, () -> put(SUPPORT, proposal.id().value())),
                new Write("DELETE", SUPPORT, () -> delete(SUPPORT, proposal.id().value())),
                new Write("POST", COMMENT, () -> json(post(COMMENT, proposal.id().value()), "{\"body\": \"Bien vu\", \"stance\": \"FOR\"}")),
                new Write("PUT", REGISTRATION, () -> put(REGISTRATION, meeting)),
                new Write("DELETE", REGISTRATION, () -> delete(REGISTRATION, meeting)));
        for (Write write : writes) {
            String method = write.method();
            String template = write.template();

            MvcResult missing = mvc.perform(write.request().get()).andReturn();
            assertThat(missing.getResponse().getStatus()).as(method + " " + template).isEqualTo(401);
            assertThat(missing.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(contract.check(method, template, missing).path("code").asString()).isEqualTo("token-missing");

            // A signed-in browser's session (with its CSRF token) is not a way in.
            MvcResult session = mvc.perform(write.request().get().with(as(signedIn))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
            assertThat(session.getResponse().getStatus()).as("session alone: " + method + " " + template).isEqualTo(401);

            MvcResult bad = mvc.perform(bearer(write.request().get(), revoked)).andReturn();
            assertThat(bad.getResponse().getStatus()).isEqualTo(401);
            assertThat(bad.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
            assertThat(contract.check(method, template, bad).path("code").asString()).isEqualTo("token-invalid");

            MvcResult basic = mvc.perform(write.request().get().header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")).andReturn();
            assertThat(basic.getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE title = 'Une idée sans jeton valable'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", Long.class,
                proposal.id().value())).isZero();
    }

    @Test
    void refusesATokenWithoutTheScopeEachWriteNeeds() throws Exception {
        ProcessSettings process = openProcess();
        PublicProposal proposal = proposal(process);
        long meeting = new MeetingFixtures(context, staff).withSeats("Rencontre sans autorisation", commune, 10, Duration.ofDays(5));
        AgoraUser person = people.participant();
        record Write(String method, String template, MockHttpServletRequestBuilder request, TokenScope needed) {
        }
        List<Write> writes = List.of(
                new Write("POST", SUBMIT, json(post(SUBMIT, process.slug()), proposalJson("Une idée sans autorisation", commune, "Mobilités")), TokenScope.PROPOSALS_WRITE),
                new Write("PUT", SUPPORT, put(SUPPORT, proposal.id().value()), TokenScope.SUPPORTS_WRITE),
                new Write("DELETE", SUPPORT, delete(SUPPORT, proposal.id().value()), TokenScope.SUPPORTS_WRITE),
                new Write("POST", COMMENT, json(post(COMMENT, proposal.id().value()), "{\"body\": \"Sans autorisation\", \"stance\": \"FOR\"}"), TokenScope.COMMENTS_WRITE),
                new Write("PUT", REGISTRATION, put(REGISTRATION, meeting), TokenScope.REGISTRATIONS_WRITE),
                new Write("DELETE", REGISTRATION, delete(REGISTRATION, meeting), TokenScope.REGISTRATIONS_WRITE));
        for (Write write : writes) {
            TokenScope[] others = java.util.Arrays.stream(TokenScope.values()).filter(scope -> scope != write.needed())
                    .toArray(TokenScope[]::new);
            MvcResult result = mvc.perform(bearer(write.request(), token(person, others))).andReturn();
            assertThat(result.getResponse().getStatus()).as(write.method() + " " + write.template()).isEqualTo(403);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .contains("error=\"insufficient_scope\"").contains(write.needed().value());
            JsonNode problem = contract.check(write.method(), write.template(), result);
            assertThat(problem.path("code").asString()).isEqualTo("insufficient-scope");
            assertThat(problem.path("scope").asString()).isEqualTo(write.needed().value());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE title = 'Une idée sans autorisation'", Long.class)).isZero();
    }

    // ---- Proposals ------------------------------------------------------------------------------------------------

    @Test
    void submitsAProposalAndAnswersWithItsAddress() throws Exception {
        ProcessSettings process = openProcess();
        AgoraUser author = people.participant();
        String token = token(author, TokenScope.PROPOSALS_WRITE);
        MvcResult result = mvc.perform(bearer(json(post(SUBMIT, process.slug()),
                proposalJson("Des bancs le long de la Loire", commune, "Mobilités")), token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = contract.check("POST", SUBMIT, result);
        long id = body.path("id").asLong();
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/proposals/" + id);
        assertThat(body.path("reference").asString()).matches("\\d{4}-\\d{6}");
        assertThat(body.path("url").asString()).endsWith("/processes/" + process.slug() + "/proposals/" + body.path("reference").asString());
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?", String.class, id)).isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT title FROM proposal WHERE id = ?", String.class, id))
                .isEqualTo("Des bancs le long de la Loire");
        assertThat(jdbc.queryForObject("SELECT author_id FROM proposal WHERE id = ?", Long.class, id)).isEqualTo(author.id().value());
    }

    @Test
    void refusesAnInvalidProposalFieldByFieldAndOutsideTheRules() throws Exception {
        ProcessSettings process = openProcess();
        String token = token(people.participant(), TokenScope.PROPOSALS_WRITE);

        JsonNode invalid = call("POST", SUBMIT, bearer(json(post(SUBMIT, process.slug()),
                proposalJson("Court", elsewhere, "Jardinage")), token), 422);
        assertThat(invalid.path("code").asString()).isEqualTo("invalid");
        assertThat(invalid.path("errors").path("title").asString()).contains("10");
        assertThat(invalid.path("errors").has("territoryId")).isTrue();
        assertThat(invalid.path("errors").has("theme")).isTrue();

        JsonNode missing = call("POST", SUBMIT, bearer(json(post(SUBMIT, process.slug()), "{}"), token), 422);
        assertThat(missing.path("errors").has("title")).isTrue();
        assertThat(missing.path("errors").has("body")).isTrue();
        assertThat(missing.path("errors").has("territoryId")).isTrue();

        call("POST", SUBMIT, bearer(json(post(SUBMIT, process.slug()), "{\"title\": "), token), 400);
        call("POST", SUBMIT, bearer(json(post(SUBMIT, process.slug()), "{\"territoryId\": \"pas un nombre\"}"), token), 400);
        call("POST", SUBMIT, bearer(json(post(SUBMIT, "pas-de-demarche-" + System.nanoTime()),
                proposalJson("Une idée pour personne", commune, "Mobilités")), token), 404);

        ProcessSettings closed = processes.published("Démarche fermée par API", region, List.of(), null, null, false, true,
                Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS));
        JsonNode refused = call("POST", SUBMIT, bearer(json(post(SUBMIT, closed.slug()),
                proposalJson("Une idée trop tardive", commune, "")), token), 409);
        assertThat(refused.path("code").asString()).isEqualTo("refused");
        assertThat(refused.path("detail").asString()).isEqualTo("Cette démarche ne reçoit pas de propositions en ce moment.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE process_id = ?", Long.class, closed.id().value())).isZero();
    }

    // ---- Supports -------------------------------------------------------------------------------------------------

    @Test
    void aSupportIsIdempotentAndCanBeTakenBack() throws Exception {
        PublicProposal proposal = proposal(openProcess());
        AgoraUser supporter = people.participant();
        String token = token(supporter, TokenScope.SUPPORTS_WRITE);
        long id = proposal.id().value();

        JsonNode first = call("PUT", SUPPORT, bearer(put(SUPPORT, id), token), 200);
        assertThat(first.path("supported").asBoolean()).isTrue();
        assertThat(first.path("supportsCount").asLong()).isEqualTo(1);
        JsonNode again = call("PUT", SUPPORT, bearer(put(SUPPORT, id), token), 200);
        assertThat(again.path("supportsCount").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", Long.class, id)).isEqualTo(1);

        call("DELETE", SUPPORT, bearer(delete(SUPPORT, id), token), 204);
        call("DELETE", SUPPORT, bearer(delete(SUPPORT, id), token), 204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT supports_count FROM proposal WHERE id = ?", Long.class, id)).isZero();

        call("PUT", SUPPORT, bearer(put(SUPPORT, 987654321L), token), 404);
        call("PUT", SUPPORT, bearer(put("/api/v1/proposals/abc/support"), token), 400);
    }

    @Test
    void refusesASupportWhereTheProcessTakesNone() throws Exception {
        ProcessSettings noSupports = processes.published("Démarche sans soutiens par API", region, List.of(), null, null,
                true, false, Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS));
        PublicProposal proposal = new ProposalFixtures(context).publish(noSupports, people.participant(),
                "Une proposition qu’on ne soutient pas", commune);
        JsonNode refused = call("PUT", SUPPORT, bearer(put(SUPPORT, proposal.id().value()),
                token(people.participant(), TokenScope.SUPPORTS_WRITE)), 409);
        assertThat(refused.path("reason").asString()).isEqualTo("proposals.support.refused.closed");
    }

    // ---- Comments -------------------------------------------------------------------------------------------------

    @Test
    void commentsAProposalAndRefusesAnInvalidComment() throws Exception {
        PublicProposal proposal = proposal(openProcess());
        AgoraUser author = people.participant();
        String token = token(author, TokenScope.COMMENTS_WRITE);
        long id = proposal.id().value();

        MvcResult result = mvc.perform(bearer(json(post(COMMENT, id),
                "{\"body\": \"Et pourquoi pas des bancs ombragés ?\", \"stance\": \"FOR\"}"), token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode comment = contract.check("POST", COMMENT, result);
        assertThat(comment.path("stance").asString()).isEqualTo("FOR");
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("#comment-" + comment.path("id").asLong());
        assertThat(jdbc.queryForObject("SELECT author_id FROM resource_comment WHERE id = ?", Long.class, comment.path("id").asLong()))
                .isEqualTo(author.id().value());

        JsonNode reply = call("POST", COMMENT, bearer(json(post(COMMENT, id),
                "{\"body\": \"Oui, des platanes.\", \"stance\": \"NEUTRAL\", \"parentId\": " + comment.path("id").asLong() + "}"), token), 201);
        assertThat(reply.path("parentId").asLong()).isEqualTo(comment.path("id").asLong());

        JsonNode invalid = call("POST", COMMENT, bearer(json(post(COMMENT, id), "{\"body\": \"x\", \"stance\": \"PEUT-ETRE\"}"), token), 422);
        assertThat(invalid.path("errors").has("body")).isTrue();
        assertThat(invalid.path("errors").has("stance")).isTrue();
        call("POST", COMMENT, bearer(json(post(COMMENT, 987654321L), "{\"body\": \"Perdu\", \"stance\": \"FOR\"}"), token), 404);
    }

    // ---- Registrations --------------------------------------------------------------------------------------------

    @Test
    void registersToAMeetingAndGivesAFreedSeatToTheWaitingList() throws Exception {
        MeetingFixtures meetings = new MeetingFixtures(context, staff);
        long meeting = meetings.withSeats("Atelier à une place", commune, 1, Duration.ofDays(6));
        String first = token(people.participant(), TokenScope.REGISTRATIONS_WRITE);
        String second = token(people.participant(), TokenScope.REGISTRATIONS_WRITE);

        JsonNode seat = call("PUT", REGISTRATION, bearer(put(REGISTRATION, meeting), first), 200);
        assertThat(seat.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(seat.path("code").asString()).isNotBlank();
        assertThat(seat.path("unchanged").asBoolean()).isFalse();
        assertThat(call("PUT", REGISTRATION, bearer(put(REGISTRATION, meeting), first), 200).path("unchanged").asBoolean()).isTrue();

        JsonNode waiting = call("PUT", REGISTRATION, bearer(json(put(REGISTRATION, meeting),
                "{\"accessibilityNeeds\": \"Une place près de la porte\"}"), second), 200);
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.path("waitingPosition").asInt()).isEqualTo(1);

        assertThat(call("DELETE", REGISTRATION, bearer(delete(REGISTRATION, meeting), first), 200).path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(call("PUT", REGISTRATION, bearer(put(REGISTRATION, meeting), second), 200).path("status").asString())
                .as("the waiting person got the freed seat").isEqualTo("CONFIRMED");
        assertThat(call("DELETE", REGISTRATION, bearer(delete(REGISTRATION, meeting),
                token(people.participant(), TokenScope.REGISTRATIONS_WRITE)), 200).path("status").asString()).isEqualTo("NONE");

        long withoutRegistration = meetings.published("Rencontre sans inscription", null, commune, Duration.ofDays(6));
        JsonNode refused = call("PUT", REGISTRATION, bearer(put(REGISTRATION, withoutRegistration), first), 409);
        assertThat(refused.path("code").asString()).isEqualTo("refused");
        call("PUT", REGISTRATION, bearer(put(REGISTRATION, 987654321L), first), 404);
        call("PUT", REGISTRATION, bearer(json(put(REGISTRATION, meeting), "{\"answers\": 12"), first), 400);
    }
}
