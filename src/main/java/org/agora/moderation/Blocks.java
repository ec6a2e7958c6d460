package org.agora.moderation;

import java.time.Instant;
import java.util.List;

import org.agora.accounts.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The participants blocked now (one row each). Changed only by {@link ModerationManagement}, which logs it. */
@Component
class Blocks implements ParticipantBlocks {

    record Block(long accountId, String reason, long blockedBy, Instant blockedAt) {
    }

    private final JdbcTemplate jdbc;

    Blocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isBlocked(AccountId account) {
        return account != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM participant_block WHERE account_id = ?", Boolean.class, account.value()));
    }

    /** Blocks the person unless they are blocked already; true when a block was added. */
    boolean add(AccountId account, String reason, AccountId by, Instant at) {
        return jdbc.update("INSERT INTO participant_block (account_id, reason, blocked_by, blocked_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", account.value(), reason, by.value(), java.sql.Timestamp.from(at)) == 1;
    }

    /** True when the person was blocked. */
    boolean remove(AccountId account) {
        return jdbc.update("DELETE FROM participant_block WHERE account_id = ?", account.value()) == 1;
    }

    List<Block> all() {
        return jdbc.query("SELECT account_id, reason, blocked_by, blocked_at FROM participant_block ORDER BY blocked_at DESC",
                (rs, index) -> new Block(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
    }
}
