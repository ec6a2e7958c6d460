package org.agora.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.shared.ResultPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One SQL query per page and one capped count, both served by indexes on the filter and sort columns (decision
 * 0027), so that a page stays fast with millions of proposals.
 */
@Service
@Transactional(readOnly = true)
class ProposalListingQueries implements ProposalListing {

    private static final String COLUMNS = "id, process_id, reference, title, body, territory_id, theme, status, "
            + "published_at, answered_at, supports_count, comment_count, hidden_reason, provenance, author_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProcessCatalog processes;

    ProposalListingQueries(NamedParameterJdbcTemplate jdbc, ProcessCatalog processes) {
        this.jdbc = jdbc;
        this.processes = processes;
    }

    @Override
    public ResultPage<Listed> list(Query query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(ProposalBrowser.LISTED);
        if (query.process() != null) {
            if (processes.findPublic(query.process()).isEmpty()) {
                return new ResultPage<>(List.of(), 0, true);
            }
            where.append(" AND process_id = :process");
            params.addValue("process", query.process().value());
        } else {
            List<Long> publicProcesses = processes.allPublic().stream().map(PublicProcess::id).map(ProcessId::value).toList();
            if (publicProcesses.isEmpty()) {
                return new ResultPage<>(List.of(), 0, true);
            }
            where.append(" AND process_id IN (:processes)");
            params.addValue("processes", publicProcesses);
        }
        if (query.territories() != null) {
            if (query.territories().isEmpty()) {
                return new ResultPage<>(List.of(), 0, true);
            }
            where.append(" AND territory_id IN (:territories)");
            params.addValue("territories", query.territories());
        }
        if (query.status() != null) {
            where.append(switch (query.status()) {
                case PUBLISHED -> " AND status = 'PUBLISHED'";
                case WITHDRAWN -> " AND status = 'WITHDRAWN'";
                case ANSWERED -> " AND answered_at IS NOT NULL";
            });
        }
        if (query.since() != null) {
            where.append(" AND published_at >= :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND published_at < :until");
            params.addValue("until", Timestamp.from(query.until()));
        }
        params.addValue("cap", COUNT_CAP + 1);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM proposal WHERE " + where
                + " LIMIT :cap) capped", params, Long.class);
        boolean exact = total <= COUNT_CAP;
        String orderBy = query.sort() == Sort.SUPPORTS ? "supports_count DESC, id DESC" : "published_at DESC, id DESC";
        params.addValue("limit", query.limit()).addValue("offset", query.offset());
        List<Listed> items = jdbc.query("SELECT " + COLUMNS + " FROM proposal WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", params, ProposalListingQueries::listed);
        return new ResultPage<>(items, exact ? total : COUNT_CAP, exact);
    }

    @Override
    public Optional<Listed> find(ProposalId id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM proposal WHERE id = :id AND " + ProposalBrowser.LISTED,
                        new MapSqlParameterSource("id", id.value()), ProposalListingQueries::listed).stream()
                .filter(proposal -> processes.findPublic(proposal.process()).isPresent())
                .findFirst();
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(new ProposalId(rs.getLong("id")), new ProcessId(rs.getLong("process_id")),
                rs.getString("reference"), rs.getString("hidden_reason") == null ? rs.getString("title") : null,
                rs.getString("hidden_reason") == null ? rs.getString("body") : null, rs.getLong("territory_id"),
                rs.getString("theme"), "WITHDRAWN".equals(rs.getString("status")), instant(rs, "published_at"),
                instant(rs, "answered_at"), rs.getInt("supports_count"), rs.getInt("comment_count"),
                rs.getString("hidden_reason"), "PAPER".equals(rs.getString("provenance")),
                "IMPORTED".equals(rs.getString("provenance")) ? null : new AccountId(rs.getLong("author_id")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
