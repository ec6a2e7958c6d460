package org.agora.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases and their reports. A case row is created once per content (insert-if-absent) and locked by every change to
 * it, so that reports and moderators' decisions on one content are serialised.
 */
@Component
class ModerationCases {

    static final int PAGE_SIZE = 20;

    enum Status { OPEN, CLOSED }

    record Case(long id, ResourceRef resource, Long processId, AccountId author, Status status, int openReports,
                Instant openedAt, Instant closedAt) {

        public boolean isOpen() {
            return status == Status.OPEN;
        }
    }

    record Report(long id, long reporterId, ModerationReason reason, String note, Instant reportedAt, boolean open) {
    }

    /** {@code page} is 1-based, as in the page links. */
    record Page(List<Case> cases, long total, int page, int totalPages) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ModerationCases(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the content's case (closed, without reports) unless it exists. */
    void ensure(ResourceRef resource, Long processId, AccountId author, Instant now) {
        jdbc.update("""
                INSERT INTO moderation_case (resource_type, resource_id, process_id, author_id, status, open_reports, opened_at)
                VALUES (:type, :id, :process, :author, 'CLOSED', 0, :now) ON CONFLICT DO NOTHING""",
                resource(resource).addValue("process", processId).addValue("author", author.value())
                        .addValue("now", Timestamp.from(now)));
    }

    /** The content's case, locked until the end of the transaction. */
    Case lock(ResourceRef resource) {
        return jdbc.queryForObject("SELECT * FROM moderation_case WHERE resource_type = :type AND resource_id = :id FOR UPDATE",
                resource(resource), ModerationCases::toCase);
    }

    Optional<Case> lock(long id) {
        return jdbc.query("SELECT * FROM moderation_case WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
                ModerationCases::toCase).stream().findFirst();
    }

    Optional<Case> find(long id) {
        return jdbc.query("SELECT * FROM moderation_case WHERE id = :id", new MapSqlParameterSource("id", id),
                ModerationCases::toCase).stream().findFirst();
    }

    Optional<Case> find(ResourceRef resource) {
        return jdbc.query("SELECT * FROM moderation_case WHERE resource_type = :type AND resource_id = :id",
                resource(resource), ModerationCases::toCase).stream().findFirst();
    }

    boolean reported(long caseId, AccountId reporter) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM moderation_report WHERE case_id = :case AND reporter_id = :reporter",
                new MapSqlParameterSource("case", caseId).addValue("reporter", reporter.value()), Boolean.class));
    }

    /** Adds an open report to the locked case, opening it if it was closed; returns its open reports now. */
    int addReport(Case locked, AccountId reporter, ModerationReason reason, String note, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("case", locked.id()).addValue("reporter", reporter.value())
                .addValue("reason", reason.name()).addValue("note", note).addValue("now", Timestamp.from(now));
        jdbc.update("""
                INSERT INTO moderation_report (case_id, reporter_id, reason, note, reported_at, still_open)
                VALUES (:case, :reporter, :reason, :note, :now, TRUE)""", params);
        if (locked.isOpen()) {
            jdbc.update("UPDATE moderation_case SET open_reports = open_reports + 1 WHERE id = :case", params);
            return locked.openReports() + 1;
        }
        jdbc.update("UPDATE moderation_case SET status = 'OPEN', open_reports = 1, opened_at = :now, closed_at = NULL "
                + "WHERE id = :case", params);
        return 1;
    }

    /** The reason given most often by the open reports (the first in the list's order on a tie). */
    ModerationReason mainReason(long caseId) {
        Map<ModerationReason, Long> counts = openReasons(List.of(caseId)).getOrDefault(caseId, Map.of());
        return counts.entrySet().stream().max(Map.Entry.<ModerationReason, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(ModerationReason.OTHER);
    }

    /** Closes the locked case: its reports are handled. */
    void close(long caseId, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("case", caseId).addValue("now", Timestamp.from(now));
        jdbc.update("UPDATE moderation_report SET still_open = FALSE WHERE case_id = :case AND still_open", params);
        jdbc.update("UPDATE moderation_case SET status = 'CLOSED', open_reports = 0, closed_at = :now WHERE id = :case", params);
    }

    List<Report> reports(long caseId) {
        return jdbc.query("SELECT * FROM moderation_report WHERE case_id = :case ORDER BY reported_at DESC, id DESC",
                new MapSqlParameterSource("case", caseId), (rs, index) -> new Report(rs.getLong("id"),
                        rs.getLong("reporter_id"), ModerationReason.valueOf(rs.getString("reason")), rs.getString("note"),
                        rs.getTimestamp("reported_at").toInstant(), rs.getBoolean("still_open")));
    }

    /** Open cases, oldest first; {@code processIds} null means every case, else only those processes' cases. */
    Page queue(Collection<Long> processIds, int page) {
        String where = "status = 'OPEN'" + (processIds == null ? "" : " AND process_id IN (:processes)");
        MapSqlParameterSource params = new MapSqlParameterSource("processes", processIds);
        if (processIds != null && processIds.isEmpty()) {
            return new Page(List.of(), 0, page, 0);
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM moderation_case WHERE " + where, params, Long.class);
        params.addValue("limit", PAGE_SIZE).addValue("offset", (long) (page - 1) * PAGE_SIZE);
        List<Case> cases = jdbc.query("SELECT * FROM moderation_case WHERE " + where
                + " ORDER BY opened_at, id LIMIT :limit OFFSET :offset", params, ModerationCases::toCase);
        return new Page(cases, total, page, (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** The processes with open cases. */
    List<Long> processesWithOpenCases() {
        return jdbc.getJdbcTemplate().queryForList(
                "SELECT DISTINCT process_id FROM moderation_case WHERE status = 'OPEN' AND process_id IS NOT NULL", Long.class);
    }

    /** Open reports per case and reason, in one grouped query. */
    Map<Long, Map<ModerationReason, Long>> openReasons(Collection<Long> caseIds) {
        Map<Long, Map<ModerationReason, Long>> counts = new HashMap<>();
        if (caseIds.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT case_id, reason, COUNT(*) FROM moderation_report WHERE still_open AND case_id IN (:cases) "
                        + "GROUP BY case_id, reason", new MapSqlParameterSource("cases", caseIds),
                rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(ModerationReason.class))
                            .put(ModerationReason.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    /** The reports a person made, for their data export. */
    List<Map<String, Object>> reportsBy(AccountId reporter) {
        return jdbc.query("""
                SELECT c.resource_type, c.resource_id, r.reason, r.note, r.reported_at FROM moderation_report r
                JOIN moderation_case c ON c.id = r.case_id WHERE r.reporter_id = :reporter ORDER BY r.reported_at""",
                new MapSqlParameterSource("reporter", reporter.value()), (rs, index) -> {
                    Map<String, Object> report = new java.util.LinkedHashMap<>();
                    report.put("content", new ResourceRef(rs.getString(1), rs.getLong(2)).toString());
                    report.put("reason", rs.getString(3));
                    report.put("note", rs.getString(4));
                    report.put("reportedAt", rs.getTimestamp(5).toInstant().toString());
                    return report;
                });
    }

    /** Erases the free text of a person's reports; the reports still count, as from a deleted participant. */
    void eraseNotesOf(AccountId reporter) {
        jdbc.update("UPDATE moderation_report SET note = NULL WHERE reporter_id = :reporter",
                new MapSqlParameterSource("reporter", reporter.value()));
    }

    private static MapSqlParameterSource resource(ResourceRef resource) {
        return new MapSqlParameterSource("type", resource.type()).addValue("id", resource.id());
    }

    private static Case toCase(ResultSet rs, int index) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Case(rs.getLong("id"), new ResourceRef(rs.getString("resource_type"), rs.getLong("resource_id")),
                rs.getObject("process_id", Long.class), new AccountId(rs.getLong("author_id")),
                Status.valueOf(rs.getString("status")), rs.getInt("open_reports"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant());
    }
}
