package org.agora.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing: after too many failures for one submitted address, or from one IP address, sign-in
 * is refused for a while. Counted in the database so that every node of a cluster sees the same counts, and keyed by
 * what was typed, whether or not such an account exists, so that it reveals nothing about accounts.
 */
@Component
class LoginThrottle {

    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("Too many failed sign-in attempts");
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                  @Value("${agora.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${agora.login.max-failures-per-ip:30}") int maxPerAddress,
                  @Value("${agora.login.lock-minutes:15}") int lockMinutes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = Duration.ofMinutes(lockMinutes);
    }

    AuthenticationManager guard(AuthenticationManager delegate) {
        return authentication -> {
            String accountKey = "account:" + Emails.normalize(String.valueOf(authentication.getName()));
            String addressKey = "ip:" + clientAddress();
            if (isLocked(accountKey) || isLocked(addressKey)) {
                throw new Throttled();
            }
            try {
                var result = delegate.authenticate(authentication);
                clear(accountKey);
                return result;
            } catch (BadCredentialsException | DisabledException e) {
                if (e instanceof BadCredentialsException) {
                    recordFailure(accountKey, maxPerAccount);
                    recordFailure(addressKey, maxPerAddress);
                }
                throw e;
            }
        };
    }

    boolean isLocked(String key) {
        List<Timestamp> lockedUntil = jdbc.queryForList(
                "SELECT locked_until FROM login_throttle WHERE throttle_key = ?", Timestamp.class, truncate(key));
        return !lockedUntil.isEmpty() && lockedUntil.get(0) != null && lockedUntil.get(0).toInstant().isAfter(clock.instant());
    }

    void recordFailure(String key, int max) {
        String id = truncate(key);
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            int updated = jdbc.update("""
                    UPDATE login_throttle SET
                      failures = CASE WHEN window_started_at < ? THEN 1 ELSE failures + 1 END,
                      window_started_at = CASE WHEN window_started_at < ? THEN ? ELSE window_started_at END
                    WHERE throttle_key = ?""",
                    Timestamp.from(now.minus(window)), Timestamp.from(now.minus(window)), Timestamp.from(now), id);
            if (updated == 0) {
                try {
                    jdbc.update("INSERT INTO login_throttle (throttle_key, failures, window_started_at) VALUES (?, 1, ?)",
                            id, Timestamp.from(now));
                } catch (DuplicateKeyException raced) {
                    jdbc.update("UPDATE login_throttle SET failures = failures + 1 WHERE throttle_key = ?", id);
                }
            }
            jdbc.update("UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ? AND failures >= ?",
                    Timestamp.from(now.plus(window)), id, max);
        });
    }

    void clear(String key) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", truncate(key));
    }

    private static String truncate(String key) {
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
