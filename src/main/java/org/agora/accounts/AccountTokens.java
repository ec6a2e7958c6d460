package org.agora.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface AccountTokens extends JpaRepository<AccountToken, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    /** Without a lock, for read-only checks. */
    boolean existsByTokenHashAndPurposeAndUsedAtIsNullAndExpiresAtAfter(String tokenHash, AccountToken.Purpose purpose,
                                                                       java.time.Instant now);

    List<AccountToken> findByAccountIdAndPurposeAndUsedAtIsNull(long accountId, AccountToken.Purpose purpose);

    void deleteByAccountId(long accountId);
}
