package org.agora.accounts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleAssignments extends JpaRepository<RoleAssignment, Long> {

    List<RoleAssignment> findByAccountId(long accountId);

    List<RoleAssignment> findAllByOrderByAccountIdAscRoleAsc();

    List<RoleAssignment> findByRole(Role role);

    boolean existsByRoleAndScopeKind(Role role, RoleScope.Kind scopeKind);
}
