package org.agora.accounts;

/** One role held by one person within one scope. */
public record RoleGrant(Role role, RoleScope scope) implements java.io.Serializable {
}
