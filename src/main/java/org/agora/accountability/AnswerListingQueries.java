package org.agora.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.processes.ProcessId;
import org.agora.proposals.ProposalId;
import org.agora.shared.ResultPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grouped queries: one per page and one per kind of detail, never one per row. */
@Service
@Transactional(readOnly = true)
class AnswerListingQueries implements AnswerListing {

    private static final String ANSWER = "SELECT e.proposal_id, e.process_id, d.label_fr, d.kind, e.answer_text, "
            + "e.published_at FROM evaluation e JOIN destination d ON d.id = e.destination_id WHERE e.state = 'PUBLISHED'";
    private static final String PROGRAMME = "SELECT w.id, w.slug, w.title, w.description, w.status, w.progress, "
            + "o.title AS objective, a.title AS ambition FROM work_programme w JOIN objective o ON o.id = w.objective_id "
            + "JOIN ambition a ON a.id = o.ambition_id";

    private final NamedParameterJdbcTemplate jdbc;

    AnswerListingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<ProposalId, PublishedAnswer> answersTo(Collection<ProposalId> proposals) {
        Map<ProposalId, PublishedAnswer> answers = new HashMap<>();
        if (proposals.isEmpty()) {
            return answers;
        }
        jdbc.query(ANSWER + " AND e.proposal_id IN (:proposals)", new MapSqlParameterSource("proposals",
                        proposals.stream().map(ProposalId::value).distinct().toList()), AnswerListingQueries::answer)
                .forEach(answer -> answers.put(answer.proposal(), answer));
        return answers;
    }

    @Override
    public ResultPage<PublishedAnswer> answers(ProcessId process, Instant since, Instant until, int offset, int limit) {
        StringBuilder where = new StringBuilder();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (process != null) {
            where.append(" AND e.process_id = :process");
            params.addValue("process", process.value());
        }
        if (since != null) {
            where.append(" AND e.published_at >= :since");
            params.addValue("since", Timestamp.from(since));
        }
        if (until != null) {
            where.append(" AND e.published_at < :until");
            params.addValue("until", Timestamp.from(until));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation e WHERE e.state = 'PUBLISHED'" + where,
                params, Long.class);
        params.addValue("limit", limit).addValue("offset", offset);
        List<PublishedAnswer> items = jdbc.query(ANSWER + where
                + " ORDER BY e.published_at DESC, e.id DESC LIMIT :limit OFFSET :offset", params, AnswerListingQueries::answer);
        return new ResultPage<>(items, total, true);
    }

    @Override
    public ResultPage<WorkProgramme> workProgrammes(int offset, int limit) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM work_programme", new MapSqlParameterSource(), Long.class);
        List<Row> rows = jdbc.query(PROGRAMME + " ORDER BY a.position, o.position, w.id LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset), AnswerListingQueries::row);
        return new ResultPage<>(withDetails(rows), total, true);
    }

    @Override
    public Optional<WorkProgramme> workProgramme(String slug) {
        List<Row> rows = jdbc.query(PROGRAMME + " WHERE w.slug = :slug", new MapSqlParameterSource("slug", slug),
                AnswerListingQueries::row);
        return withDetails(rows).stream().findFirst();
    }

    private List<WorkProgramme> withDetails(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", rows.stream().map(Row::id).toList());
        Map<Long, List<Milestone>> milestones = new HashMap<>();
        jdbc.query("SELECT programme_id, title, planned_on, reached_on FROM work_programme_milestone "
                + "WHERE programme_id IN (:ids) ORDER BY planned_on, id", ids, rs -> {
                    milestones.computeIfAbsent(rs.getLong("programme_id"), id -> new ArrayList<>()).add(new Milestone(
                            rs.getString("title"), rs.getObject("planned_on", LocalDate.class),
                            rs.getObject("reached_on", LocalDate.class)));
                });
        Map<Long, Long> fed = new HashMap<>();
        jdbc.query("SELECT target_id, COUNT(*) AS fed FROM contribution WHERE target_kind = 'WORK_PROGRAMME' "
                + "AND target_id IN (:ids) GROUP BY target_id", ids, rs -> {
                    fed.put(rs.getLong("target_id"), rs.getLong("fed"));
                });
        return rows.stream().map(row -> new WorkProgramme(row.slug(), row.title(), row.description(), row.ambition(),
                row.objective(), row.status(), row.progress(), milestones.getOrDefault(row.id(), List.of()),
                fed.getOrDefault(row.id(), 0L))).toList();
    }

    private record Row(long id, String slug, String title, String description, String status, int progress,
                       String objective, String ambition) {
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("description"),
                rs.getString("status"), rs.getInt("progress"), rs.getString("objective"), rs.getString("ambition"));
    }

    private static PublishedAnswer answer(ResultSet rs, int index) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new PublishedAnswer(new ProposalId(rs.getLong("proposal_id")), new ProcessId(rs.getLong("process_id")),
                rs.getString("label_fr"), DestinationKind.valueOf(rs.getString("kind")), rs.getString("answer_text"),
                published == null ? null : published.toInstant());
    }
}
