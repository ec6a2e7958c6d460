package org.agora.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, Accounts accounts, RoleAssignments roles,
                            OidcSignIn oidc) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/roles/**", "/admin/actions/**", "/admin/mails/**", "/admin/territories/**", "/admin/search/**").hasRole("ADMINISTRATOR")
                        // Facilitators manage their own Fabrik meetings; the meetings module checks each meeting (decision 0013).
                        .requestMatchers("/admin/meetings", "/admin/meetings/**").hasAnyRole("STAFF", "ADMINISTRATOR", "FACILITATOR")
                        .requestMatchers("/admin/**").hasAnyRole("MODERATOR", "STAFF", "ADMINISTRATOR")
                        .requestMatchers("/account/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .failureHandler(failureHandler())
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess()))
                // RFC 8058 one-click unsubscribe: mail clients POST without a session; the link's token authorises it.
                // The API authenticates writes with a bearer token only, never the session cookie, so CSRF cannot apply (0028).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/notifications/unsubscribe", "/newsletter/unsubscribe/*", "/api/**"))
                .authenticationManager(authenticationManager(throttle))
                .addFilterAfter(new FreshAuthorities(accounts, roles), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        oidc.configure(http);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    private AuthenticationManager authenticationManager(LoginThrottle throttle) {
        return throttle.guard(new ProviderManager(daoProvider()));
    }

    private DaoAuthenticationProvider daoProvider() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder());
        return provider;
    }

    private final AccountUserDetails userDetailsService;

    SecurityConfiguration(AccountUserDetails userDetailsService) {
        this.userDetailsService = userDetailsService;
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LoginThrottle.Throttled ? "throttled"
                    : exception instanceof org.springframework.security.authentication.DisabledException ? "unconfirmed"
                    : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    private static LogoutSuccessHandler logoutSuccess() {
        return (HttpServletRequest request, HttpServletResponse response, org.springframework.security.core.Authentication authentication) -> {
            flash(request, response, "accounts.flash.loggedOut");
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    static void flash(HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
        FlashMap flashMap = new FlashMap();
        flashMap.put("flash", key);
        flashMap.setTargetRequestPath(request.getContextPath() + "/");
        new SessionFlashMapManager().saveOutputFlashMap(flashMap, request, response);
    }
}
