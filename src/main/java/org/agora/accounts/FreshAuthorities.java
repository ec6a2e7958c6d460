package org.agora.accounts;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so that a role granted or withdrawn, a changed pseudonym or a
 * deleted account takes effect at once on every node, whatever the session remembers.
 */
class FreshAuthorities extends OncePerRequestFilter {

    private final Accounts accounts;
    private final RoleAssignments roles;

    FreshAuthorities(Accounts accounts, RoleAssignments roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long accountId = accountIdOf(authentication);
        if (accountId != null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            accounts.findById(accountId).filter(Account::isActive).ifPresent(account -> {
                AgoraUser user = toUser(account, roles);
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
            });
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static Long accountIdOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof AgoraUser user) {
            return user.id().value();
        }
        if (principal instanceof org.springframework.security.core.userdetails.UserDetails details) {
            return parse(details.getUsername());
        }
        return null;
    }

    private static Long parse(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static AgoraUser toUser(Account account, RoleAssignments roles) {
        return new AgoraUser(account.accountId(), account.email(), account.pseudonym(), account.language(),
                roles.findByAccountId(account.id()).stream().map(RoleAssignment::grant).collect(Collectors.toSet()));
    }
}
