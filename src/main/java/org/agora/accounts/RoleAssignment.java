package org.agora.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "role_assignment")
class RoleAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private long accountId;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind")
    private RoleScope.Kind scopeKind;
    @Column(name = "scope_id")
    private long scopeId;
    @Column(name = "granted_by")
    private Long grantedBy;
    @Column(name = "granted_at")
    private Instant grantedAt;

    protected RoleAssignment() {
    }

    RoleAssignment(long accountId, RoleGrant grant, Long grantedBy, Instant now) {
        this.accountId = accountId;
        this.role = grant.role();
        this.scopeKind = grant.scope().kind();
        this.scopeId = grant.scope().id();
        this.grantedBy = grantedBy;
        this.grantedAt = now;
    }

    Long id() { return id; }
    long accountId() { return accountId; }
    Instant grantedAt() { return grantedAt; }

    RoleGrant grant() {
        return new RoleGrant(role, new RoleScope(scopeKind, scopeId));
    }
}
