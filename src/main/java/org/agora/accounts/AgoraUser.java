package org.agora.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person as the web layer sees it. Authorities are {@code ROLE_<ROLE>} for every role held in any
 * scope; whether a role applies to a given territory or process is asked with {@link #holds(Role, RoleScope)} or
 * through {@link AccountManagement}.
 */
public record AgoraUser(AccountId id, String email, String pseudonym, String language, Set<RoleGrant> grants)
        implements java.io.Serializable {

    public AgoraUser {
        grants = Set.copyOf(grants);
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return Stream.concat(Stream.of(Role.PARTICIPANT), grants.stream().map(RoleGrant::role))
                .distinct()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
    }

    public boolean inAdminArea() {
        return grants.stream().anyMatch(grant -> grant.role().opensAdminArea());
    }

    public boolean isAdministrator() {
        return holds(Role.ADMINISTRATOR, RoleScope.GLOBAL);
    }

    /** True when the person holds the role globally or in exactly this scope. */
    public boolean holds(Role role, RoleScope scope) {
        return grants.contains(new RoleGrant(role, RoleScope.GLOBAL)) || grants.contains(new RoleGrant(role, scope));
    }

    public boolean holdsAnywhere(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }

    public List<RoleScope> scopesOf(Role role) {
        return grants.stream().filter(grant -> grant.role() == role).map(RoleGrant::scope).toList();
    }
}
