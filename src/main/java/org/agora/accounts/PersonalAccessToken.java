package org.agora.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A long-lived secret a person gives to a partner application. Only its SHA-256 and a short prefix are stored. */
@Entity
@Table(name = "personal_access_token")
class PersonalAccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private long accountId;
    private String name;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "token_prefix")
    private String tokenPrefix;
    private String scopes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected PersonalAccessToken() {
    }

    PersonalAccessToken(long accountId, String name, String tokenHash, String tokenPrefix, Set<TokenScope> scopes,
                        Instant now, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.scopes = scopes.stream().sorted().map(TokenScope::value).collect(Collectors.joining(" "));
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether last use is old enough to be written again; at most one write a minute per token. */
    boolean lastUseStale(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(Duration.ofMinutes(1)));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Set<TokenScope> scopeSet() {
        Set<TokenScope> set = EnumSet.noneOf(TokenScope.class);
        Arrays.stream(scopes.split(" ")).map(TokenScope::of).forEach(scope -> scope.ifPresent(set::add));
        return set;
    }

    Long id() { return id; }
    long accountId() { return accountId; }
    String name() { return name; }
    String tokenHash() { return tokenHash; }
    String tokenPrefix() { return tokenPrefix; }
    Instant createdAt() { return createdAt; }
    Instant lastUsedAt() { return lastUsedAt; }
    Instant expiresAt() { return expiresAt; }
    Instant revokedAt() { return revokedAt; }
}
