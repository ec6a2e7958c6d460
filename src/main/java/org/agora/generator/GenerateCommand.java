package org.agora.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.flywaydb.core.Flyway;

/**
 * {@code java -jar target/agora.jar generate …}: fills a PostgreSQL database with synthetic data at a chosen scale
 * (docs/benchmarks.md, « Data generator »). Exit codes: 0 done (or already done), 2 unusable options or a database
 * generated at another scale, 1 anything else.
 */
public final class GenerateCommand {

    static final String USAGE = """
            Usage:
              generate --scale small|region|grand-debat --db jdbc:postgresql://HOST:PORT/DATABASE
                       [--user postgres] [--password …] [--seed 2026] [--index-dir ./data/search-index] [--no-index]
              Migrates the schema, loads the reference territories if the table is empty, then generates participants
              (bench-000001@example.invalid …, password agora-bench-2026, one staff account bench-agent@example.invalid),
              processes, proposals, supports, comments, meetings, registrations and answers with PostgreSQL COPY, and
              builds the search index in --index-dir (the directory the application will use: AGORA_SEARCH_INDEX_DIR).
              Running it again on a generated database changes nothing. Scales (participants / proposals / supports /
              comments / meetings / registrations):
                small        300 / 1,000 / 5,000 / 1,500 / 5 / 150
                region       30,000 / 100,000 / 500,000 / 150,000 / 500 / 15,000
                grand-debat  500,000 / 2,000,000 / 10,000,000 / 3,000,000 / 10,000 / 300,000
              Exit codes: 0 done, 2 unusable options or a database generated at another scale, 1 other errors.
            """;

    private static final Set<String> VALUED = Set.of("scale", "db", "user", "password", "seed", "index-dir");
    private static final Set<String> FLAGS = Set.of("no-index");

    private GenerateCommand() {
    }

    /** {@code application} is the Spring Boot application class, started on a free local port to build the index. */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?> application) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        if (!words.isEmpty() && words.getFirst().equals("generate")) {
            words.removeFirst();
        }
        if (words.contains("--help") || words.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Generation.Options options;
        try {
            options = options(words);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return generate(options, out, err, application);
        } catch (Exception e) {
            err.println("Generation failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static Generation.Options options(List<String> words) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument \"" + word + "\".");
            }
            String name = word.substring(2);
            String inline = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                inline = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (VALUED.contains(name)) {
                String value = inline != null ? inline : i + 1 < words.size() ? words.get(++i) : null;
                if (value == null) {
                    throw new IllegalArgumentException("--" + name + " needs a value.");
                }
                values.put(name, value);
            } else {
                throw new IllegalArgumentException("Unknown option --" + name + ".");
            }
        }
        String scaleName = values.get("scale");
        if (scaleName == null) {
            throw new IllegalArgumentException("--scale is required (small, region or grand-debat).");
        }
        Scale scale = Scale.parse(scaleName.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "Unknown scale \"" + scaleName + "\": small, region or grand-debat."));
        String url = values.get("db");
        if (url == null) {
            throw new IllegalArgumentException("--db is required: a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/agora_bench.");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://…): the generator loads "
                    + "with PostgreSQL's COPY and does not write to \"" + url + "\".");
        }
        long seed;
        try {
            seed = Long.parseLong(values.getOrDefault("seed", "2026"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number.");
        }
        return new Generation.Options(url, values.getOrDefault("user", "postgres"), values.getOrDefault("password", ""),
                scale, seed, !values.containsKey("no-index"), values.getOrDefault("index-dir", "./data/search-index"));
    }

    static int generate(Generation.Options options, PrintStream out, PrintStream err, Class<?> application) throws Exception {
        long started = System.nanoTime();
        out.println("Generating scale " + options.scale().label() + " into " + options.url() + " (seed " + options.seed() + ")");
        long migrating = System.nanoTime();
        int migrations = migrate(options);
        out.println("  schema: " + migrations + " migrations applied in " + Progress.format(since(migrating)));
        boolean generated;
        try (Connection connection = DriverManager.getConnection(options.url(), options.user(), options.password())) {
            long participants = Generation.generatedParticipants(connection);
            if (participants > 0) {
                var existing = Scale.ofParticipants(participants);
                long proposals = Generation.generatedProposals(connection);
                if (existing.isEmpty() || proposals != existing.get().proposals) {
                    err.println("This database holds an incomplete generation (" + participants + " generated participants, "
                            + proposals + " proposals): drop it and run again.");
                    return 2;
                }
                if (existing.get() != options.scale()) {
                    err.println("This database was already generated at scale " + existing.get().label() + ", not "
                            + options.scale().label() + ": use another database (or drop this one) for another scale.");
                    return 2;
                }
                out.println("Already generated at scale " + existing.get().label() + ": nothing added.");
                generated = false;
            } else {
                generated = true;
            }
        }
        Progress progress = new Progress(out, Duration.ofSeconds(5));
        try (progress) {
            if (generated) {
                new Generation(options, out, progress).generate();
            }
        }
        Duration loading = since(started);
        if (generated) {
            out.println("Loaded in " + Progress.format(loading) + ":");
            for (Progress.Done done : progress.done()) {
                out.println(String.format(Locale.ROOT, "  %-22s %,12d rows  %9s  %,10.0f rows/s", done.name(), done.rows(),
                        Progress.format(done.took()), Progress.rate(done.rows(), done.took())));
            }
        }
        if (options.index()) {
            SearchIndexBuild.Outcome outcome = SearchIndexBuild.run(options, out, application);
            out.println("  search index: " + outcome.describe());
        }
        out.println("Total time: " + Progress.format(since(started)));
        return 0;
    }

    /** Flyway with the application's own locations, read from application.properties so that they never drift. */
    static int migrate(Generation.Options options) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GenerateCommand.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IOException("application.properties is not on the class path");
            }
            properties.load(in);
        }
        String locations = properties.getProperty("spring.flyway.locations");
        return Flyway.configure().dataSource(options.url(), options.user(), options.password())
                .locations(locations.split(",")).load().migrate().migrationsExecuted;
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
