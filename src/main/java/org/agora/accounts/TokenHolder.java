package org.agora.accounts;

import java.util.Set;

/**
 * Who a valid personal access token speaks for, and what it allows. {@code user} is the account as it is now (re-read
 * on every call), so that write services apply the same rules as on the web pages.
 */
public record TokenHolder(long tokenId, AgoraUser user, Set<TokenScope> scopes) {

    public TokenHolder {
        scopes = Set.copyOf(scopes);
    }

    public AccountId account() {
        return user.id();
    }

    public boolean allows(TokenScope scope) {
        return scopes.contains(scope);
    }
}
