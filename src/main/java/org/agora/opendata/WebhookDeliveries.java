package org.agora.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries and their attempts. A delivery is PENDING until its turn comes, SENDING while a
 * node holds its claim, then DELIVERED or, once the retries are spent, FAILED.
 */
@Repository
class WebhookDeliveries {

    enum Status { PENDING, SENDING, DELIVERED, FAILED }

    record Delivery(long id, long endpointId, String eventId, String event, String payload, Instant occurredAt,
                    Status status, int attempts, Instant nextAttemptAt, Integer lastStatus, Long lastDurationMs,
                    String lastResponse, String lastError, Instant lastAttemptAt, Instant createdAt) {
    }

    record Attempt(int attempt, Instant attemptedAt, Integer httpStatus, long durationMs, String response, String error) {
    }

    /** What one attempt gave: an HTTP status (null when no answer came) or an error, and the duration. */
    record Outcome(Integer httpStatus, long durationMs, String response, String error) {
        public boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    private static final String COLUMNS = "id, endpoint_id, event_id, event, payload, occurred_at, status, attempts, "
            + "next_attempt_at, last_status, last_duration_ms, last_response, last_error, last_attempt_at, created_at";

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long endpointId, String eventId, WebhookEvent event, String payload, Instant occurredAt, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO webhook_delivery (endpoint_id, event_id, event, payload, occurred_at, status, attempts,
                                                      next_attempt_at, created_at)
                        VALUES (:endpoint, :eventId, :event, :payload, :occurred, 'PENDING', 0, :now, :now)""")
                .param("endpoint", endpointId).param("eventId", eventId).param("event", event.wireName())
                .param("payload", payload).param("occurred", Timestamp.from(occurredAt)).param("now", Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static final String DUE = """
            ((d.status = 'PENDING' AND d.next_attempt_at <= :now) OR (d.status = 'SENDING' AND d.claimed_until < :now))""";

    /** Deliveries whose turn has come on endpoints not paused, plus those a node claimed and did not finish (it died). */
    List<Long> findDueIds(Instant now, int limit) {
        return jdbc.sql("SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id "
                        + "WHERE e.paused = FALSE AND " + DUE + " ORDER BY d.next_attempt_at, d.id LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /**
     * Claims one due delivery for this node until {@code until}; false when another node was faster, the delivery is
     * no longer due or its endpoint was paused meanwhile. On PostgreSQL a concurrent claimer of the same row waits for
     * the first one's row lock, then re-evaluates the condition on the committed row (READ COMMITTED) and updates
     * nothing.
     */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("UPDATE webhook_delivery d SET status = 'SENDING', claimed_until = :until WHERE d.id = :id AND "
                        + DUE + " AND EXISTS (SELECT 1 FROM webhook_endpoint e WHERE e.id = d.endpoint_id AND e.paused = FALSE)")
                .param("id", id).param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).update() == 1;
    }

    /**
     * Records an attempt and what follows: DELIVERED, PENDING again at {@code nextAttempt}, or FAILED when
     * {@code nextAttempt} is null.
     */
    void recordAttempt(long id, int attempt, Instant at, Outcome outcome, Instant nextAttempt) {
        jdbc.sql("""
                        INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, http_status, duration_ms, response, error)
                        VALUES (:id, :attempt, :at, :status, :duration, :response, :error)""")
                .param("id", id).param("attempt", attempt).param("at", Timestamp.from(at))
                .param("status", outcome.httpStatus()).param("duration", outcome.durationMs())
                .param("response", outcome.response()).param("error", outcome.error()).update();
        Status next = outcome.delivered() ? Status.DELIVERED : nextAttempt == null ? Status.FAILED : Status.PENDING;
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = :next, attempts = :attempt, claimed_until = NULL,
                               next_attempt_at = :nextAttempt, last_status = :status, last_duration_ms = :duration,
                               last_response = :response, last_error = :error, last_attempt_at = :at
                        WHERE id = :id""")
                .param("next", next.name()).param("attempt", attempt)
                .param("nextAttempt", next == Status.PENDING ? Timestamp.from(nextAttempt) : null)
                .param("status", outcome.httpStatus()).param("duration", outcome.durationMs())
                .param("response", outcome.response()).param("error", outcome.error()).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(WebhookDeliveries::delivery).optional();
    }

    /** The newest deliveries of an endpoint first. */
    List<Delivery> ofEndpoint(long endpointId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE endpoint_id = :endpoint "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("endpoint", endpointId).param("limit", limit).query(WebhookDeliveries::delivery).list();
    }

    List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("""
                        SELECT attempt, attempted_at, http_status, duration_ms, response, error FROM webhook_attempt
                        WHERE delivery_id = :id ORDER BY attempt""")
                .param("id", deliveryId)
                .query((rs, row) -> new Attempt(rs.getInt("attempt"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getLong("duration_ms"),
                        rs.getString("response"), rs.getString("error"))).list();
    }

    /** Deletes the deliveries (and their attempts) created before {@code before} that no node is sending. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE created_at < :before AND status <> 'SENDING'")
                .param("before", Timestamp.from(before)).update();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp last = rs.getTimestamp("last_attempt_at");
        return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_id"), rs.getString("event"),
                rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant(), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), next == null ? null : next.toInstant(),
                (Integer) rs.getObject("last_status", Integer.class), (Long) rs.getObject("last_duration_ms", Long.class),
                rs.getString("last_response"), rs.getString("last_error"), last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
