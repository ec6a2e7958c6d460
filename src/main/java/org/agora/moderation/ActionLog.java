package org.agora.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.agora.accounts.AccountId;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The moderation action log: written in the transaction of each action, read by administrators. */
@Component
class ActionLog {

    static final int PAGE_SIZE = 25;

    /** One action as it is recorded; everything but the action may be null. */
    record Entry(ModerationAction action, AccountId moderator, ResourceRef resource, Long processId, AccountId account,
                 ModerationReason reason, String note) {
    }

    /** Filters of the log page; null means "any". Dates are Paris days, both included. */
    record Filter(ModerationAction action, Long moderatorId, LocalDate from, LocalDate to, Long processId) {
        static final Filter NONE = new Filter(null, null, null, null, null);
    }

    record Line(long id, ModerationAction action, Long moderatorId, Instant happenedAt, String resourceType,
                Long resourceId, Long processId, Long accountId, ModerationReason reason, String note) {
    }

    /** {@code page} is 1-based, as in the page links. */
    record Page(List<Line> lines, long total, int page, int totalPages) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ActionLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry entry, Instant at) {
        jdbc.update("""
                INSERT INTO moderation_action (action, moderator_id, happened_at, resource_type, resource_id, process_id,
                                               account_id, reason, note)
                VALUES (:action, :moderator, :at, :type, :resource, :process, :account, :reason, :note)""",
                new MapSqlParameterSource("action", entry.action().name())
                        .addValue("moderator", entry.moderator() == null ? null : entry.moderator().value())
                        .addValue("at", Timestamp.from(at))
                        .addValue("type", entry.resource() == null ? null : entry.resource().type())
                        .addValue("resource", entry.resource() == null ? null : entry.resource().id())
                        .addValue("process", entry.processId())
                        .addValue("account", entry.account() == null ? null : entry.account().value())
                        .addValue("reason", entry.reason() == null ? null : entry.reason().name())
                        .addValue("note", entry.note()));
    }

    Page search(Filter filter, int page) {
        StringBuilder where = new StringBuilder("1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.action() != null) {
            where.append(" AND action = :action");
            params.addValue("action", filter.action().name());
        }
        if (filter.moderatorId() != null) {
            where.append(" AND moderator_id = :moderator");
            params.addValue("moderator", filter.moderatorId());
        }
        if (filter.from() != null) {
            where.append(" AND happened_at >= :from");
            params.addValue("from", Timestamp.from(filter.from().atStartOfDay(Clocks.PARIS).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND happened_at < :to");
            params.addValue("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(Clocks.PARIS).toInstant()));
        }
        if (filter.processId() != null) {
            where.append(" AND process_id = :process");
            params.addValue("process", filter.processId());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM moderation_action WHERE " + where, params, Long.class);
        int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        params.addValue("limit", PAGE_SIZE).addValue("offset", (long) (page - 1) * PAGE_SIZE);
        List<Line> lines = jdbc.query("SELECT * FROM moderation_action WHERE " + where
                + " ORDER BY happened_at DESC, id DESC LIMIT :limit OFFSET :offset", params, (rs, index) -> new Line(
                rs.getLong("id"), ModerationAction.valueOf(rs.getString("action")), rs.getObject("moderator_id", Long.class),
                rs.getTimestamp("happened_at").toInstant(), rs.getString("resource_type"),
                rs.getObject("resource_id", Long.class), rs.getObject("process_id", Long.class),
                rs.getObject("account_id", Long.class),
                rs.getString("reason") == null ? null : ModerationReason.valueOf(rs.getString("reason")),
                rs.getString("note")));
        return new Page(lines, total, page, totalPages);
    }

    /** The people who took moderation actions, for the moderator filter. */
    List<Long> moderators() {
        return jdbc.getJdbcTemplate().queryForList(
                "SELECT DISTINCT moderator_id FROM moderation_action WHERE moderator_id IS NOT NULL", Long.class);
    }

    /** The processes the logged actions concern, for the process filter. */
    List<Long> processes() {
        return jdbc.getJdbcTemplate().queryForList(
                "SELECT DISTINCT process_id FROM moderation_action WHERE process_id IS NOT NULL", Long.class);
    }
}
