package org.agora.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.agora.shared.ResultPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class MeetingListingQueries implements MeetingListing {

    private final NamedParameterJdbcTemplate jdbc;

    MeetingListingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ResultPage<Listed> list(Query query) {
        StringBuilder where = new StringBuilder("status IN ('PUBLISHED', 'CANCELLED') AND NOT invitation_only");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.process() != null) {
            where.append(" AND process_id = :process");
            params.addValue("process", query.process());
        }
        if (query.territories() != null) {
            if (query.territories().isEmpty()) {
                return new ResultPage<>(List.of(), 0, true);
            }
            where.append(" AND territory_id IN (:territories)");
            params.addValue("territories", query.territories());
        }
        if (query.from() != null) {
            where.append(" AND starts_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND starts_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM meeting WHERE " + where, params, Long.class);
        params.addValue("limit", query.limit()).addValue("offset", query.offset());
        List<Listed> items = jdbc.query("SELECT id, title, description, kind, format, starts_at, ends_at, process_id, "
                + "territory_id, address, status, capacity, confirmed_count FROM meeting WHERE " + where
                + " ORDER BY starts_at, id LIMIT :limit OFFSET :offset", params, MeetingListingQueries::listed);
        return new ResultPage<>(items, total, true);
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long process = rs.getLong("process_id");
        Long processId = rs.wasNull() ? null : process;
        int capacity = rs.getInt("capacity");
        Integer capacityOrNull = rs.wasNull() ? null : capacity;
        return new Listed(new MeetingId(id), rs.getString("title"), rs.getString("description"),
                MeetingKind.valueOf(rs.getString("kind")), MeetingFormat.valueOf(rs.getString("format")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), processId,
                rs.getLong("territory_id"), rs.getString("address"), "CANCELLED".equals(rs.getString("status")),
                capacityOrNull, rs.getInt("confirmed_count"), "/meetings/" + id);
    }
}
