package org.agora.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PersonalAccessTokens extends JpaRepository<PersonalAccessToken, Long> {

    Optional<PersonalAccessToken> findByTokenHash(String tokenHash);

    List<PersonalAccessToken> findByAccountIdAndRevokedAtIsNullOrderByCreatedAtDesc(long accountId);

    Optional<PersonalAccessToken> findByIdAndAccountId(long id, long accountId);

    @Query("SELECT COUNT(t) FROM PersonalAccessToken t WHERE t.accountId = :accountId AND t.revokedAt IS NULL "
            + "AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
    long countActive(long accountId, Instant now);

    /** Writes the last use only when the stored one is older than {@code staleBefore}: cheap, and idempotent. */
    @Modifying
    @Query("UPDATE PersonalAccessToken t SET t.lastUsedAt = :now WHERE t.id = :id "
            + "AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :staleBefore)")
    int touch(long id, Instant now, Instant staleBefore);

    @Modifying
    @Query("UPDATE PersonalAccessToken t SET t.revokedAt = :now WHERE t.accountId = :accountId AND t.revokedAt IS NULL")
    int revokeAll(long accountId, Instant now);
}
