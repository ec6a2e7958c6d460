package org.agora.accounts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountActions extends JpaRepository<AccountAction, Long> {

    Page<AccountAction> findAllByOrderByHappenedAtDesc(Pageable pageable);
}
