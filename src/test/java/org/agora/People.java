package org.agora;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs requests in as real accounts (the security filter re-reads every account from the database). */
public final class People {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountManagement accounts;

    public People(AccountManagement accounts) {
        this.accounts = accounts;
    }

    public AgoraUser someone(String name, RoleGrant... grants) {
        int number = SEQUENCE.incrementAndGet();
        AccountId id = accounts.ensureAccount(name + number + "@example.org", name + "-" + number,
                "correct horse battery staple " + number, "fr", List.of(grants));
        return accounts.find(id).orElseThrow();
    }

    public AgoraUser administrator() {
        return someone("admin", new RoleGrant(Role.ADMINISTRATOR, RoleScope.GLOBAL));
    }

    public AgoraUser participant() {
        return someone("participant");
    }

    public AgoraUser staff(RoleScope scope) {
        return someone("staff", new RoleGrant(Role.STAFF, scope));
    }

    public static RequestPostProcessor as(AgoraUser user) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }
}
