package org.agora.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    Optional<Account> findByOidcSubject(String subject);

    boolean existsByEmail(String email);

    boolean existsByPseudonymIgnoreCase(String pseudonym);

    boolean existsByPendingEmail(String email);
}
