package org.agora.generator;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds the search index the way the application does on its first start: the search module rebuilds its entries and
 * the Lucene index when no rebuild is recorded yet ("Search index built" in the log). The generator starts the
 * application on a free local port and without demo data on the generated database, lets that happen, and stops it.
 */
final class SearchIndexBuild {

    record Outcome(boolean built, Duration took, long entries) {
        String describe() {
            return built ? "built, %,d entries in %s".formatted(entries, Progress.format(took))
                    : "already built (a rebuild is recorded): nothing to do";
        }
    }

    private SearchIndexBuild() {
    }

    static Outcome run(Generation.Options options, PrintStream out, Class<?> application) throws Exception {
        try (Connection connection = DriverManager.getConnection(options.url(), options.user(), options.password())) {
            if (Generation.count(connection, "SELECT COUNT(*) FROM search_rebuilds") > 0) {
                return new Outcome(false, Duration.ZERO, 0);
            }
        }
        out.println("  search index: starting the application on the database to build it in " + options.indexDir()
                + " (its log follows)");
        long started = System.nanoTime();
        Thread ticker = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(Duration.ofSeconds(15));
                    out.println("  search index: building… " + Progress.format(Duration.ofNanos(System.nanoTime() - started)));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", options.url());
        properties.put("spring.datasource.username", options.user());
        properties.put("spring.datasource.password", options.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("agora.demo-data", "false");
        properties.put("agora.search.index-dir", options.indexDir());
        // The security configuration needs the web stack: a server on a free port, reachable from this machine only.
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = spring.run("--agora.demo-data=false", "--server.port=0",
                "--agora.search.index-dir=" + options.indexDir(), "--spring.datasource.url=" + options.url(),
                "--spring.datasource.username=" + options.user(), "--spring.datasource.password=" + options.password())) {
            ticker.interrupt();
        } finally {
            ticker.interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        try (Connection connection = DriverManager.getConnection(options.url(), options.user(), options.password())) {
            long entries = Generation.count(connection, "SELECT COALESCE(MAX(entries), 0) FROM search_rebuilds");
            return new Outcome(true, took, entries);
        }
    }
}
