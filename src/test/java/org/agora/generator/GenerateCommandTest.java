package org.agora.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.agora.AgoraApplication;
import org.junit.jupiter.api.Test;

/** The command's options: what it refuses before touching any database. */
class GenerateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), AgoraApplication.class);
    }

    @Test
    void printsItsUsageOnHelp() {
        assertThat(run("generate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scale small|region|grand-debat", "agora-bench-2026");
    }

    @Test
    void refusesADatabaseOtherThanPostgresql() {
        assertThat(run("generate", "--scale", "small", "--db", "jdbc:h2:file:./data/agora")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db must be a PostgreSQL JDBC URL");
    }

    @Test
    void refusesAnUnknownScaleAndAMissingDatabase() {
        assertThat(run("generate", "--scale", "huge", "--db", "jdbc:postgresql://127.0.0.1/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown scale \"huge\"");
        assertThat(run("generate", "--scale", "region")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--db is required");
    }

    @Test
    void readsEveryOptionWithItsDefaults() {
        Generation.Options options = GenerateCommand.options(java.util.List.of("--scale", "grand-debat", "--db",
                "jdbc:postgresql://127.0.0.1:5432/agora_bench", "--seed=12", "--no-index"));
        assertThat(options.scale()).isEqualTo(Scale.GRAND_DEBAT);
        assertThat(options.seed()).isEqualTo(12);
        assertThat(options.index()).isFalse();
        assertThat(options.user()).isEqualTo("postgres");
        assertThat(options.indexDir()).isEqualTo("./data/search-index");
    }

    @Test
    void refusesANonNumericSeed() {
        assertThat(run("generate", "--scale", "small", "--db", "jdbc:postgresql://127.0.0.1/x", "--seed", "abc")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be a whole number");
    }
}
