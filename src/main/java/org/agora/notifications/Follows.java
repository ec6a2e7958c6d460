package org.agora.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.shared.ResourceRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows which resource. A follow is one row per person and resource (a unique constraint); following again,
 * also from two requests at once, inserts nothing ({@code ON CONFLICT DO NOTHING}) and is a success.
 */
@Component
@Transactional
class Follows {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Follows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void follow(AccountId account, ResourceRef resource) {
        jdbc.update("""
                INSERT INTO resource_follow (account_id, resource_type, resource_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", account.value(), resource.type(), resource.id(),
                Timestamp.from(Mail.stored(clock.instant())));
    }

    /** Everyone who follows {@code from} follows {@code to} instead (once each): a merged proposal's followers. */
    void move(ResourceRef from, ResourceRef to) {
        followers(from).forEach(account -> follow(account, to));
        jdbc.update("DELETE FROM resource_follow WHERE resource_type = ? AND resource_id = ?", from.type(), from.id());
    }

    void unfollow(AccountId account, ResourceRef resource) {
        jdbc.update("DELETE FROM resource_follow WHERE account_id = ? AND resource_type = ? AND resource_id = ?",
                account.value(), resource.type(), resource.id());
    }

    @Transactional(readOnly = true)
    boolean follows(AccountId account, ResourceRef resource) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT COUNT(*) > 0 FROM resource_follow WHERE account_id = ? AND resource_type = ? AND resource_id = ?""",
                Boolean.class, account.value(), resource.type(), resource.id()));
    }

    @Transactional(readOnly = true)
    List<AccountId> followers(ResourceRef resource) {
        return jdbc.queryForList("SELECT account_id FROM resource_follow WHERE resource_type = ? AND resource_id = ?",
                Long.class, resource.type(), resource.id()).stream().map(AccountId::new).toList();
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> export(AccountId account) {
        return jdbc.query("""
                SELECT resource_type, resource_id, created_at FROM resource_follow WHERE account_id = ? ORDER BY id""",
                (row, index) -> Map.<String, Object>of("resourceType", row.getString(1), "resourceId", row.getLong(2),
                        "since", row.getTimestamp(3).toInstant().toString()), account.value());
    }

    void forget(AccountId account) {
        jdbc.update("DELETE FROM resource_follow WHERE account_id = ?", account.value());
    }
}
