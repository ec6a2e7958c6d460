package org.agora.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Votes on comments, one row per person and comment (a unique constraint). Written in plain SQL so that a racing
 * duplicate is absorbed by the database ({@code ON CONFLICT DO NOTHING}, on PostgreSQL and H2) instead of failing the
 * transaction. Counts are always computed from the rows, so they cannot drift from them.
 */
@Repository
class CommentVotes {

    enum Direction { UP, DOWN }

    /** The votes on one comment; {@code viewerVote} is the viewer's own, or null. */
    record Tally(long up, long down, Direction viewerVote) {
        static final Tally NONE = new Tally(0, 0, null);
    }

    record OwnVote(long commentId, Direction direction, Instant votedAt) {
    }

    private final JdbcTemplate jdbc;

    CommentVotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the vote; the same vote again changes nothing, the other direction replaces it. */
    void vote(long commentId, AccountId account, Direction direction, Instant now) {
        int inserted = jdbc.update("""
                INSERT INTO comment_vote (comment_id, account_id, direction, voted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                commentId, account.value(), direction.name(), Timestamp.from(now));
        if (inserted == 0) {
            jdbc.update("UPDATE comment_vote SET direction = ?, voted_at = ? WHERE comment_id = ? AND account_id = ? AND direction <> ?",
                    direction.name(), Timestamp.from(now), commentId, account.value(), direction.name());
        }
    }

    void withdraw(long commentId, AccountId account) {
        jdbc.update("DELETE FROM comment_vote WHERE comment_id = ? AND account_id = ?", commentId, account.value());
    }

    /** Up and down votes of every comment of a resource, with the viewer's own vote, in one grouped query. */
    Map<Long, Tally> tallies(ResourceRef resource, AccountId viewer) {
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Direction> own = new HashMap<>();
        jdbc.query("""
                SELECT v.comment_id, v.direction, COUNT(*) AS n,
                       SUM(CASE WHEN v.account_id = ? THEN 1 ELSE 0 END) AS own
                FROM comment_vote v JOIN resource_comment c ON c.id = v.comment_id
                WHERE c.resource_type = ? AND c.resource_id = ?
                GROUP BY v.comment_id, v.direction""", row -> {
            Direction direction = Direction.valueOf(row.getString(2));
            long[] pair = counts.computeIfAbsent(row.getLong(1), id -> new long[2]);
            pair[direction == Direction.UP ? 0 : 1] = row.getLong(3);
            if (row.getLong(4) > 0) {
                own.put(row.getLong(1), direction);
            }
        }, viewer == null ? 0L : viewer.value(), resource.type(), resource.id());
        Map<Long, Tally> tallies = new HashMap<>();
        counts.forEach((id, pair) -> tallies.put(id, new Tally(pair[0], pair[1], own.get(id))));
        return tallies;
    }

    List<OwnVote> allOf(AccountId account) {
        return jdbc.query("SELECT comment_id, direction, voted_at FROM comment_vote WHERE account_id = ? ORDER BY voted_at",
                (row, index) -> new OwnVote(row.getLong(1), Direction.valueOf(row.getString(2)),
                        row.getTimestamp(3).toInstant()), account.value());
    }
}
