package org.agora;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives every test application context a database of its own, empty until Flyway migrates it.
 *
 * <ul>
 *   <li>By default: a unique in-memory H2 in PostgreSQL mode.</li>
 *   <li>When the system property (or environment variable) {@code agora.test.database-url}
 *       ({@code AGORA_TEST_DATABASE_URL}) names a PostgreSQL database: a fresh schema {@code agora_test_<random>} in it,
 *       created when the context starts and dropped when it closes. User and password come from
 *       {@code agora.test.database-user} / {@code -password} (default postgres, no password).</li>
 * </ul>
 *
 * Registered for every Spring test through META-INF/spring.factories, so that no test ever opens the developer's
 * ./data database. Explicit spring.datasource.* properties of a test (@SpringBootTest(properties = ...)) still win.
 */
public final class TestDatabase {

    public static final String URL_PROPERTY = "agora.test.database-url";

    private TestDatabase() {
    }

    /** A database ready for one test context; {@link #drop()} removes it (a no-op for H2, which dies with the JVM). */
    public record Fresh(String url, String username, String password, String schema) {

        public boolean postgres() {
            return schema != null;
        }

        public Map<String, Object> springProperties() {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", username);
            properties.put("spring.datasource.password", password);
            // The search index lives in this context's memory, as its database does: never shared, never left behind.
            properties.put("spring.jpa.properties.hibernate.search.backend.directory.type", "local-heap");
            // The open data files belong with this context's database too: a folder of their own, deleted with the JVM.
            properties.put("agora.opendata.dir", openDataDirectory());
            if (postgres()) {
                // Spring keeps many test contexts alive at once, each with its pool, against one server's 100
                // connections: small pools that give idle connections back keep the sum well below that.
                properties.put("spring.datasource.hikari.maximum-pool-size", "6");
                properties.put("spring.datasource.hikari.minimum-idle", "0");
                properties.put("spring.datasource.hikari.idle-timeout", "10000");
                properties.put("spring.flyway.default-schema", schema);
                properties.put("spring.flyway.schemas", schema);
            }
            return properties;
        }

        public void drop() {
            if (postgres()) {
                execute(setting(URL_PROPERTY), username, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** True when the tests run against an external PostgreSQL rather than the embedded H2. */
    public static boolean external() {
        String url = setting(URL_PROPERTY);
        return url != null && !url.isBlank();
    }

    public static Fresh create() {
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!external()) {
            return new Fresh("jdbc:h2:mem:agora-" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null);
        }
        String url = setting(URL_PROPERTY).strip();
        String user = orDefault(setting("agora.test.database-user"), "postgres");
        String password = orDefault(setting("agora.test.database-password"), "");
        String schema = "agora_test_" + name;
        execute(url, user, password, "CREATE SCHEMA " + schema);
        return new Fresh(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database " + url + ": " + sql + " failed", e);
        }
    }

    /** A system property, else the environment variable of the same name upper-cased with underscores. */
    private static String openDataDirectory() {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("agora-opendata-");
            directory.toFile().deleteOnExit();
            return directory.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Spring's hook: a fresh database when each test context starts, dropped when it closes. */
    static final class Customizer implements ContextCustomizer, ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            initialize(context);
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Fresh database = create();
            ConfigurableEnvironment environment = context.getEnvironment();
            MapPropertySource source = new MapPropertySource("agoraTestDatabase", database.springProperties());
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            if (environment.getPropertySources().contains(inlined)) {
                environment.getPropertySources().addAfter(inlined, source);
            } else {
                environment.getPropertySources().addFirst(source);
            }
            if (database.postgres()) {
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                        database.drop();
                    }
                });
            }
        }

        // One customizer for all contexts: it does not split the context cache.
        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    public static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new Customizer();
        }
    }
}
