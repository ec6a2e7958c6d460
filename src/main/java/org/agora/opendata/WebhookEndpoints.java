package org.agora.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registered endpoints and the log of what was done to them. */
@Repository
class WebhookEndpoints {

    /** An endpoint as stored; {@code secret} never leaves the admin pages except right after it is drawn. */
    record Endpoint(long id, String name, String url, Set<WebhookEvent> events, String secret, boolean paused,
                    boolean pausedAutomatically, int failuresInARow, Instant createdAt) {

        public boolean subscribesTo(WebhookEvent event) {
            return events.contains(event);
        }
    }

    record Action(Instant happenedAt, String action, Long actorId, String detail) {
    }

    private static final String COLUMNS = "id, name, url, events, secret, paused, paused_automatically, "
            + "failures_in_a_row, created_at";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String url, Collection<WebhookEvent> events, String secret, Long actorId, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_endpoint (name, url, events, secret, created_by, created_at, updated_at)
                        VALUES (:name, :url, :events, :secret, :actor, :now, :now)""")
                .param("name", name).param("url", url).param("events", stored(events)).param("secret", secret)
                .param("actor", actorId).param("now", Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void update(long id, String name, String url, Collection<WebhookEvent> events, Instant now) {
        jdbc.sql("UPDATE webhook_endpoint SET name = :name, url = :url, events = :events, updated_at = :now WHERE id = :id")
                .param("name", name).param("url", url).param("events", stored(events)).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void replaceSecret(long id, String secret, Instant now) {
        jdbc.sql("UPDATE webhook_endpoint SET secret = :secret, updated_at = :now WHERE id = :id")
                .param("secret", secret).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Pauses or resumes; resuming starts the count of failures in a row afresh. */
    void pause(long id, boolean paused, boolean automatically, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_endpoint SET paused = :paused, paused_automatically = :automatically,
                               failures_in_a_row = CASE WHEN :paused THEN failures_in_a_row ELSE 0 END, updated_at = :now
                        WHERE id = :id""")
                .param("paused", paused).param("automatically", paused && automatically)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Counts one more failed attempt in a row and answers the new count. */
    int failed(long id) {
        jdbc.sql("UPDATE webhook_endpoint SET failures_in_a_row = failures_in_a_row + 1 WHERE id = :id")
                .param("id", id).update();
        return jdbc.sql("SELECT failures_in_a_row FROM webhook_endpoint WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(0);
    }

    void succeeded(long id) {
        jdbc.sql("UPDATE webhook_endpoint SET failures_in_a_row = 0 WHERE id = :id AND failures_in_a_row <> 0")
                .param("id", id).update();
    }

    /**
     * Pauses the endpoint because of its failures, unless it is already paused: true for the one caller that paused
     * it, so that staff are told once.
     */
    boolean pauseAfterFailures(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_endpoint SET paused = TRUE, paused_automatically = TRUE, updated_at = :now
                        WHERE id = :id AND paused = FALSE""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM webhook_endpoint WHERE id = :id").param("id", id).update();
    }

    Optional<Endpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = :id").param("id", id)
                .query(WebhookEndpoints::endpoint).optional();
    }

    List<Endpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY name, id").query(WebhookEndpoints::endpoint).list();
    }

    /** Every endpoint subscribed to this event, paused or not: a paused endpoint gets its deliveries once resumed. */
    List<Endpoint> subscribedTo(WebhookEvent event) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE events LIKE :pattern ORDER BY id")
                .param("pattern", "%," + event.wireName() + ",%").query(WebhookEndpoints::endpoint).list();
    }

    void log(long endpointId, String endpointName, Long actorId, String action, String detail, Instant at) {
        jdbc.sql("""
                        INSERT INTO webhook_action (endpoint_id, endpoint_name, actor_id, action, detail, happened_at)
                        VALUES (:endpoint, :name, :actor, :action, :detail, :at)""")
                .param("endpoint", endpointId).param("name", endpointName).param("actor", actorId)
                .param("action", action).param("detail", detail == null ? null : truncate(detail, 500))
                .param("at", Timestamp.from(at)).update();
    }

    List<Action> actions(long endpointId, int limit) {
        return jdbc.sql("""
                        SELECT happened_at, action, actor_id, detail FROM webhook_action WHERE endpoint_id = :endpoint
                        ORDER BY happened_at DESC, id DESC LIMIT :limit""")
                .param("endpoint", endpointId).param("limit", limit)
                .query((rs, row) -> new Action(rs.getTimestamp("happened_at").toInstant(), rs.getString("action"),
                        (Long) rs.getObject("actor_id", Long.class), rs.getString("detail"))).list();
    }

    static String stored(Collection<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(",", ",", ","));
    }

    private static Set<WebhookEvent> events(String stored) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(stored.split(",")).filter(name -> !name.isEmpty())
                .forEach(name -> WebhookEvent.fromWireName(name).ifPresent(events::add));
        return events;
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getString("name"), rs.getString("url"), events(rs.getString("events")),
                rs.getString("secret"), rs.getBoolean("paused"), rs.getBoolean("paused_automatically"),
                rs.getInt("failures_in_a_row"), rs.getTimestamp("created_at").toInstant());
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
