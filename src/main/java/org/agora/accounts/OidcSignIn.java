package org.agora.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-in through an OpenID Connect provider (FranceConnect, a regional identity provider, Keycloak...), switched on
 * when a client registration is configured (spring.security.oauth2.client.registration.*). The provider's identity is
 * linked to an Agora account: the one already linked, else the one with the same verified email, else a new one.
 */
@Component
class OidcSignIn {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final AccountManagement accounts;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignIn(ObjectProvider<ClientRegistrationRepository> registrations, AccountManagement accounts) {
        this.registrations = registrations;
        this.accounts = accounts;
    }

    boolean enabled() {
        return registrations.getIfAvailable() != null;
    }

    void configure(HttpSecurity http) throws Exception {
        if (!enabled()) {
            return;
        }
        http.oauth2Login(login -> login
                .loginPage("/login")
                .successHandler(this::signedIn)
                .failureHandler((request, response, exception) ->
                        response.sendRedirect(request.getContextPath() + "/login?error=oidc")));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws java.io.IOException {
        OidcUser oidcUser = (OidcUser) authentication.getPrincipal();
        String subject = oidcUser.getIssuer() + "|" + oidcUser.getSubject();
        AgoraUser user = accounts.signInWithIdentity(subject, oidcUser.getEmail(),
                Boolean.TRUE.equals(oidcUser.getEmailVerified()), oidcUser.getPreferredUsername(), oidcUser.getGivenName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
