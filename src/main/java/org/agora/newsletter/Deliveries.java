package org.agora.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The send jobs' rows: one per edition and recipient (a unique constraint), with what became of each. */
@Component
class Deliveries {

    enum Status { PENDING, QUEUED, SENT, FAILED, CANCELLED }

    /** One row of a send job. */
    record Delivery(long id, long editionId, long subscriberId, Status status) {
    }

    /** How far an edition's send has gone. */
    record Progress(long pending, long queued, long sent, long failed, long cancelled) {

        public long total() {
            return pending + queued + sent + failed + cancelled;
        }
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the job's rows; a recipient already in the job is not added twice. */
    void plan(long editionId, List<Long> subscriberIds) {
        for (Long subscriber : subscriberIds) {
            jdbc.sql("""
                    insert into newsletter_delivery (edition_id, subscriber_id, status)
                    select ?, ?, 'PENDING' where not exists
                      (select 1 from newsletter_delivery where edition_id = ? and subscriber_id = ?)""")
                    .params(editionId, subscriber, editionId, subscriber).update();
        }
    }

    List<Long> pendingIds(long editionId, int limit) {
        return jdbc.sql("select id from newsletter_delivery where edition_id = ? and status = 'PENDING' order by id fetch first "
                        + Math.max(1, limit) + " rows only")
                .param(editionId).query(Long.class).list();
    }

    /** Takes a PENDING row for this node: true when this call got it (another node or an earlier run did not). */
    boolean claim(long id, Instant now) {
        return jdbc.sql("update newsletter_delivery set status = 'QUEUED', queued_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(now), id).update() == 1;
    }

    void finish(long id, Status status, String error, Instant now) {
        jdbc.sql("update newsletter_delivery set status = ?, done_at = ?, error = ? where id = ?")
                .params(status.name(), Timestamp.from(now), error == null ? null
                        : error.length() > 500 ? error.substring(0, 500) : error, id).update();
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("select id, edition_id, subscriber_id, status from newsletter_delivery where id = ?").param(id)
                .query((row, n) -> new Delivery(row.getLong(1), row.getLong(2), row.getLong(3), Status.valueOf(row.getString(4))))
                .optional();
    }

    boolean anyPending(long editionId) {
        return jdbc.sql("select count(*) from newsletter_delivery where edition_id = ? and status = 'PENDING'")
                .param(editionId).query(Long.class).single() > 0;
    }

    Progress progress(long editionId) {
        Map<String, Long> counts = jdbc.sql("select status, count(*) from newsletter_delivery where edition_id = ? group by status")
                .param(editionId).query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Progress(counts.getOrDefault("PENDING", 0L), counts.getOrDefault("QUEUED", 0L),
                counts.getOrDefault("SENT", 0L), counts.getOrDefault("FAILED", 0L), counts.getOrDefault("CANCELLED", 0L));
    }
}
