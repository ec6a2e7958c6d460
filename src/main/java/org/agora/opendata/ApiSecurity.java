package org.agora.opendata;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The API's own filter chain, ahead of the site's: stateless (no session is read or created), no CSRF protection
 * because no cookie authenticates an API request (writes take bearer tokens only: decisions 0027 and 0028), CORS open to
 * any origin for reading, and 401/403 as problem details. The documentation page {@code /api} itself is a site page
 * and stays on the site's chain.
 */
@Configuration
class ApiSecurity {

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiProblemWriter problems) throws Exception {
        http.securityMatcher(ApiSecurity::isApi)
                .authorizeHttpRequests(requests -> requests
                        // Reading is open. Each write operation authenticates its caller itself from the bearer
                        // token and checks the scope it needs (ApiTokenResolver: 401/403 problem details), so that a
                        // write is never authenticated by anything else, such as a session (decision 0028).
                        .anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                .cors(cors -> cors.configurationSource(corsSource()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, exception) -> problems.write(request, response,
                                new ApiProblemWriter.Problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                                        "A personal access token is required: send 'Authorization: Bearer <token>'.", null)))
                        .accessDeniedHandler((request, response, exception) -> problems.write(request, response,
                                new ApiProblemWriter.Problem(HttpStatus.FORBIDDEN, "forbidden",
                                        "This token does not allow this request.", null))));
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource corsSource() {
        CorsConfiguration reading = new CorsConfiguration();
        reading.setAllowedOrigins(List.of("*"));
        reading.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        reading.setAllowedHeaders(List.of("Authorization", "Accept", "Content-Type"));
        reading.setExposedHeaders(List.of("Link", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "RateLimit-Policy"));
        reading.setAllowCredentials(false);
        reading.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", reading);
        source.registerCorsConfiguration("/v3/api-docs/**", reading);
        source.registerCorsConfiguration("/v3/api-docs", reading);
        return source;
    }
}
