package org.agora.accounts;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.agora.shared.Clocks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: a person creates them in their account for partner applications, sees each secret once,
 * and revokes them. A token is {@value #PREFIX} followed by 32 random bytes in base64url; only its SHA-256 is stored,
 * so a token is found by the hash of what is presented (no secret is ever compared character by character).
 * A token works only while it is neither revoked nor expired and its account is active (confirmed, not deleted).
 */
@Service
@Transactional
public class AccessTokens {

    public static final String PREFIX = "agora_pat_";
    /** At most this many usable tokens per person. */
    public static final int MAX_ACTIVE = 20;
    /** Expiry dates further than this are refused: a token that should never expire is created without a date. */
    static final int MAX_EXPIRY_DAYS = 730;
    private static final int VISIBLE_CHARACTERS = 6;
    private static final int SECRET_LENGTH = 43;
    private static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    private final PersonalAccessTokens tokens;
    private final Accounts accounts;
    private final RoleAssignments roles;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessTokens(PersonalAccessTokens tokens, Accounts accounts, RoleAssignments roles, JdbcTemplate jdbc, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.roles = roles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The holder of a presented token, or empty when it is malformed, unknown, revoked, expired, or its account is not
     * active. Records the use at most once a minute per token.
     */
    public Optional<TokenHolder> authenticate(String rawToken) {
        if (rawToken == null || rawToken.length() != PREFIX.length() + SECRET_LENGTH || !rawToken.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.hash(rawToken);
        Instant now = clock.instant();
        Optional<PersonalAccessToken> found = tokens.findByTokenHash(hash)
                .filter(token -> MessageDigest.isEqual(token.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(token -> token.usableAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PersonalAccessToken token = found.get();
        Optional<Account> account = accounts.findById(token.accountId()).filter(Account::isActive);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUseStale(now)) {
            tokens.touch(token.id(), now, now.minus(LAST_USE_GRANULARITY));
        }
        return Optional.of(new TokenHolder(token.id(), FreshAuthorities.toUser(account.get(), roles), token.scopeSet()));
    }

    /**
     * Creates a token; the returned secret is the only time it exists outside the caller's hands.
     * {@code expiresOn}, when given, is the last day (Paris) the token works.
     */
    public Created create(AccountId owner, String name, Set<TokenScope> scopes, LocalDate expiresOn) {
        if (scopes.isEmpty()) {
            throw new FieldProblem("scopes", "accounts.tokens.scopes.required");
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (expiresOn != null) {
            LocalDate today = LocalDate.now(clock.withZone(Clocks.PARIS));
            if (!expiresOn.isAfter(today)) {
                throw new FieldProblem("expiresOn", "accounts.tokens.expiresOn.past");
            }
            if (expiresOn.isAfter(today.plusDays(MAX_EXPIRY_DAYS))) {
                throw new FieldProblem("expiresOn", "accounts.tokens.expiresOn.tooFar");
            }
            expiresAt = expiresOn.plusDays(1).atStartOfDay(Clocks.PARIS).toInstant();
        }
        // Serialises one person's creations, so that the limit holds under concurrent requests.
        jdbc.queryForObject("SELECT id FROM account WHERE id = ? FOR UPDATE", Long.class, owner.value());
        if (tokens.countActive(owner.value(), now) >= MAX_ACTIVE) {
            throw new FieldProblem("name", "accounts.tokens.limit");
        }
        String raw = PREFIX + Secrets.newToken();
        PersonalAccessToken token = tokens.save(new PersonalAccessToken(owner.value(), name.strip(), Secrets.hash(raw),
                raw.substring(0, PREFIX.length() + VISIBLE_CHARACTERS), scopes, now, expiresAt));
        return new Created(raw, view(token, now));
    }

    /** The person's tokens not revoked, newest first (expired ones included, marked so). */
    @Transactional(readOnly = true)
    public List<TokenView> of(AccountId owner) {
        Instant now = clock.instant();
        return tokens.findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(owner.value()).stream()
                .map(token -> view(token, now)).toList();
    }

    /** One of the person's own tokens, not revoked. */
    @Transactional(readOnly = true)
    public Optional<TokenView> find(AccountId owner, long tokenId) {
        Instant now = clock.instant();
        return tokens.findByIdAndAccountId(tokenId, owner.value()).filter(token -> token.revokedAt() == null)
                .map(token -> view(token, now));
    }

    /** Revokes one of the person's tokens; false when they hold no such token. Revoking twice changes nothing. */
    public boolean revoke(AccountId owner, long tokenId) {
        return tokens.findByIdAndAccountId(tokenId, owner.value()).map(token -> {
            token.revoke(clock.instant());
            return true;
        }).orElse(false);
    }

    /** A deleted account's tokens stop working at once, in the deletion's transaction. */
    @EventListener
    void revokeTokensOf(AccountDeleted deleted) {
        tokens.revokeAll(deleted.account().value(), clock.instant());
    }

    private static TokenView view(PersonalAccessToken token, Instant now) {
        return new TokenView(token.id(), token.name(), token.tokenPrefix(),
                token.scopeSet().stream().sorted().map(TokenScope::value).toList(),
                paris(token.createdAt()), paris(token.lastUsedAt()),
                token.expiresAt() == null ? null : paris(token.expiresAt()).minusNanos(1).toLocalDate(), token.expiredAt(now));
    }

    private static ZonedDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(Clocks.PARIS);
    }

    public record Created(String secret, TokenView token) {
    }

    /** A token as its owner sees it: never the secret, only its first characters; {@code expiresOn} is its last day. */
    public record TokenView(long id, String name, String prefix, List<String> scopes, ZonedDateTime createdAt,
                            ZonedDateTime lastUsedAt, LocalDate expiresOn, boolean expired) {
    }
}
