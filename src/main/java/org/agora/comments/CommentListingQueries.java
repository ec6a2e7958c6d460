package org.agora.comments;

import java.sql.Timestamp;
import java.util.List;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.agora.shared.ResultPage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CommentListingQueries implements CommentListing {

    private final NamedParameterJdbcTemplate jdbc;

    CommentListingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ResultPage<Listed> publishedOn(ResourceRef resource, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("type", resource.type()).addValue("id", resource.id());
        String where = " FROM resource_comment WHERE resource_type = :type AND resource_id = :id AND status = 'PUBLISHED'";
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        params.addValue("limit", limit).addValue("offset", offset);
        List<Listed> items = jdbc.query("SELECT id, parent_id, depth, stance, body, posted_at, edited_at, author_id" + where
                + " ORDER BY posted_at, id LIMIT :limit OFFSET :offset", params, (rs, row) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    Timestamp edited = rs.getTimestamp("edited_at");
                    return new Listed(rs.getLong("id"), parentId, rs.getInt("depth"), rs.getString("stance"),
                            rs.getString("body"), rs.getTimestamp("posted_at").toInstant(),
                            edited == null ? null : edited.toInstant(), new AccountId(rs.getLong("author_id")));
                });
        return new ResultPage<>(items, total, true);
    }
}
