package org.agora.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.AgoraApplication;
import org.agora.DatabaseTest;
import org.agora.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs the generator at its tiny {@code test} scale into a fresh PostgreSQL schema, then checks the rows, their
 * counters and constraints, and that the application itself serves, signs in and searches the generated data. The
 * generator loads with PostgreSQL's COPY, so on the default H2 run this test is skipped.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorTest {

    private TestDatabase.Fresh database;
    private Path indexDir;
    private String firstRun;
    private ConfigurableApplicationContext application;

    @BeforeAll
    void generate() throws Exception {
        assumeTrue(TestDatabase.external(), "The data generator writes with PostgreSQL's COPY: run with "
                + "-Dagora.test.database-url=jdbc:postgresql://… to test it (skipped on H2)");
        database = TestDatabase.create();
        indexDir = Files.createTempDirectory("agora-generator-index");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = GenerateCommand.run(arguments("test"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, AgoraApplication.class);
        firstRun = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(firstRun).isZero();
    }

    @AfterAll
    void drop() {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    private String[] arguments(String scale, String... more) {
        List<String> words = new ArrayList<>(List.of("generate", "--scale", scale, "--db", database.url(), "--user",
                database.username(), "--password", database.password(), "--seed", "7", "--index-dir", indexDir.toString()));
        words.addAll(List.of(more));
        return words.toArray(String[]::new);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private ConfigurableApplicationContext application() {
        if (application == null) {
            SpringApplication spring = new SpringApplication(AgoraApplication.class);
            application = spring.run("--server.port=0", "--server.address=127.0.0.1", "--agora.demo-data=false",
                    "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(), "--agora.search.index-dir=" + indexDir);
        }
        return application;
    }

    private String get(String path) throws Exception {
        String port = application().getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void loadsTheRowsOfTheScale() throws SQLException {
        Scale scale = Scale.TEST;
        assertThat(count("SELECT COUNT(*) FROM account WHERE email LIKE 'bench-%@example.invalid'"))
                .isEqualTo(scale.participants + 1L);
        assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(scale.proposals);
        assertThat(count("SELECT COUNT(*) FROM proposal_support")).isEqualTo(scale.supports);
        assertThat(count("SELECT COUNT(*) FROM resource_comment")).isEqualTo(scale.comments);
        assertThat(count("SELECT COUNT(*) FROM meeting")).isEqualTo(scale.meetings);
        assertThat(count("SELECT COUNT(*) FROM meeting_registration")).isEqualTo(scale.registrations);
        assertThat(count("SELECT COUNT(*) FROM participatory_process WHERE slug LIKE 'bench-%'")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM territory WHERE kind = 'COMMUNE'")).isGreaterThan(1_700);
        assertThat(count("SELECT COUNT(*) FROM evaluation WHERE state = 'PUBLISHED'"))
                .isEqualTo(count("SELECT COUNT(*) FROM proposal WHERE answered_at IS NOT NULL")).isPositive();
        assertThat(firstRun).contains("proposal_support", "rows/s", "Total time");
    }

    @Test
    void keepsEveryCounterEqualToTheRowsItCounts() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM proposal p WHERE supports_count <> "
                + "(SELECT COUNT(*) FROM proposal_support s WHERE s.proposal_id = p.id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM proposal p WHERE comment_count <> (SELECT COUNT(*) FROM resource_comment c "
                + "WHERE c.resource_type = 'proposal' AND c.resource_id = p.id AND c.status = 'PUBLISHED')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM proposal_supporter ps WHERE supports <> (SELECT COUNT(*) FROM proposal_support s "
                + "WHERE s.account_id = ps.account_id AND s.process_id = ps.process_id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM (SELECT DISTINCT account_id, process_id FROM proposal_support) s"))
                .isEqualTo(count("SELECT COUNT(*) FROM proposal_supporter"));
        assertThat(count("SELECT COUNT(*) FROM meeting m WHERE confirmed_count <> (SELECT COUNT(*) FROM meeting_registration r "
                + "WHERE r.meeting_id = m.id AND r.status = 'CONFIRMED') OR waiting_count <> (SELECT COUNT(*) "
                + "FROM meeting_registration r WHERE r.meeting_id = m.id AND r.status = 'WAITING')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE capacity IS NOT NULL AND confirmed_count > capacity")).isZero();
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE status = 'PUBLISHED' AND supports_count > 0 "
                + "AND EXISTS (SELECT 1 FROM proposal_support s WHERE s.proposal_id = proposal.id AND s.account_id = proposal.author_id)"))
                .as("nobody supports their own proposal").isZero();
    }

    @Test
    void skewsSupportsAndGivesSomeProposalsLongThreads() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE comment_count >= 50")).isGreaterThanOrEqualTo(2);
        long top = count("SELECT MAX(supports_count) FROM proposal");
        long median = count("SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY supports_count) FROM proposal WHERE status = 'PUBLISHED'");
        assertThat(top).isGreaterThan(5 * Math.max(1, median));
        assertThat(count("SELECT COUNT(*) FROM resource_comment WHERE parent_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM resource_comment c JOIN resource_comment p ON p.id = c.parent_id "
                + "WHERE c.depth <> p.depth + 1 OR c.resource_id <> p.resource_id OR c.posted_at < p.posted_at")).isZero();
    }

    @Test
    void placesEveryProposalAndPersonOnAnExistingTerritory() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM proposal p WHERE NOT EXISTS (SELECT 1 FROM territory t WHERE t.id = p.territory_id)"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM territory t "
                + "WHERE t.id = a.commune_id AND t.kind = 'COMMUNE')")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT t.kind) FROM proposal p JOIN territory t ON t.id = p.territory_id")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE status <> 'DRAFT' AND (reference IS NULL OR published_at IS NULL)"))
                .isZero();
    }

    @Test
    void aSecondRunAddsNothingAndAnotherScaleIsRefused() throws Exception {
        long supports = count("SELECT COUNT(*) FROM proposal_support");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(GenerateCommand.run(arguments("test", "--no-index"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, AgoraApplication.class)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Already generated at scale test");
        assertThat(count("SELECT COUNT(*) FROM proposal_support")).isEqualTo(supports);
        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(Scale.TEST.participants + 1L);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(GenerateCommand.run(arguments("small", "--no-index"), System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8), AgoraApplication.class)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already generated at scale test, not small");
        assertThat(count("SELECT COUNT(*) FROM proposal_support")).isEqualTo(supports);
    }

    @Test
    void letsAGeneratedPersonSignInWithTheDocumentedPassword() {
        UserDetails person = application().getBean(UserDetailsService.class).loadUserByUsername("bench-000042@example.invalid");
        assertThat(person.isEnabled()).isTrue();
        assertThat(application().getBean(PasswordEncoder.class).matches(Generation.PASSWORD, person.getPassword())).isTrue();
    }

    @Test
    void theApplicationListsTheProposalsOfADepartementBySupports() throws Exception {
        long departement = count("SELECT id FROM territory WHERE kind = 'DEPARTEMENT' AND code = '45'");
        String mostSupported = text("SELECT p.title FROM proposal p JOIN territory t ON t.id = p.territory_id "
                + "JOIN participatory_process pp ON pp.id = p.process_id WHERE pp.slug = 'bench-grand-debat-regional' "
                + "AND p.status IN ('PUBLISHED', 'WITHDRAWN') AND t.path LIKE '%/" + departement + "/%' "
                + "ORDER BY p.supports_count DESC, p.id DESC LIMIT 1");
        String page = get("/processes/bench-grand-debat-regional/proposals?sort=supported&territory=" + departement);
        assertThat(page).contains(escape(mostSupported));
    }

    @Test
    void theSearchIndexFindsAGeneratedProposalByAWordOfItsTitle() throws Exception {
        assertThat(firstRun).contains("search index: built");
        String title = text("SELECT title FROM proposal WHERE status = 'PUBLISHED' ORDER BY supports_count DESC, id LIMIT 1");
        String word = List.of(title.split("[^\\p{L}]+")).stream().filter(w -> w.length() >= 8).findFirst().orElseThrow();
        String results = get("/search?type=proposal&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        Matcher found = Pattern.compile("/processes/bench-[a-z0-9-]+/proposals/(\\d{4}-\\d{6})").matcher(results);
        assertThat(found.find()).as("a proposal found for « %s »", word).isTrue();
        String text = text("SELECT LOWER(title || ' ' || body) FROM proposal WHERE reference = '" + found.group(1) + "'");
        assertThat(text).contains(word.toLowerCase(Locale.ROOT).substring(0, 6));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
