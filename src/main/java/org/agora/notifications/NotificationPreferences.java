package org.agora.notifications;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The choices this module keeps per person (auto-follow, default on) and their unsubscribe token. A person's row is
 * created the first time it is needed. The token is stored as is: it must be written into every mail, and all it
 * allows is switching notification mails off.
 */
@Component
@Transactional
class NotificationPreferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    NotificationPreferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    boolean autoFollow(AccountId account) {
        List<Boolean> found = jdbc.queryForList("SELECT auto_follow FROM notification_preference WHERE account_id = ?",
                Boolean.class, account.value());
        return found.isEmpty() || found.getFirst();
    }

    void autoFollow(AccountId account, boolean on) {
        ensure(account);
        jdbc.update("UPDATE notification_preference SET auto_follow = ? WHERE account_id = ?", on, account.value());
    }

    /** The person's unsubscribe token, created on first use. */
    String unsubscribeToken(AccountId account) {
        ensure(account);
        return jdbc.queryForObject("SELECT unsubscribe_token FROM notification_preference WHERE account_id = ?",
                String.class, account.value());
    }

    @Transactional(readOnly = true)
    Optional<AccountId> byUnsubscribeToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT account_id FROM notification_preference WHERE unsubscribe_token = ?",
                Long.class, token).stream().findFirst().map(AccountId::new);
    }

    void forget(AccountId account) {
        jdbc.update("DELETE FROM notification_preference WHERE account_id = ?", account.value());
    }

    private void ensure(AccountId account) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        jdbc.update("""
                INSERT INTO notification_preference (account_id, auto_follow, unsubscribe_token) VALUES (?, TRUE, ?)
                ON CONFLICT DO NOTHING""", account.value(), HexFormat.of().formatHex(bytes));
    }
}
