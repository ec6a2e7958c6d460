package org.agora.opendata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API requests per fixed one-minute window: per token (the SHA-256 of the bearer value, so no token is kept in
 * memory) when the request carries one, else per client IP address. Over the limit: 429 problem details with
 * {@code Retry-After}; every answer carries the {@code RateLimit-*} headers. The counters live in this node's memory
 * (decision 0027): behind a load balancer of N nodes a client may get up to N times the limit. Memory is bounded:
 * windows of past minutes are swept, and at most {@code maxKeys} clients are counted at once.
 */
class ApiRateLimiter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRateLimiter.class);
    private static final long WINDOW_SECONDS = 60;

    private record Window(long minute, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong sweptMinute = new AtomicLong();
    private final int anonymousPerMinute;
    private final int tokenPerMinute;
    private final int maxKeys;
    private final Clock clock;
    private final ApiProblemWriter problems;

    ApiRateLimiter(int anonymousPerMinute, int tokenPerMinute, int maxKeys, Clock clock, ApiProblemWriter problems) {
        this.anonymousPerMinute = anonymousPerMinute;
        this.tokenPerMinute = tokenPerMinute;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiSecurity.isApi(request) || request.getRequestURI().startsWith(request.getContextPath() + "/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String key = token ? "token:" + sha256(authorization.substring(7).strip()) : "ip:" + request.getRemoteAddr();
        int limit = token ? tokenPerMinute : anonymousPerMinute;
        long nowSeconds = clock.instant().getEpochSecond();
        long minute = nowSeconds / WINDOW_SECONDS;
        long reset = (minute + 1) * WINDOW_SECONDS - nowSeconds;
        sweep(minute);
        Window window = windows.get(key);
        if (window == null || window.minute() != minute) {
            if (window == null && windows.size() >= maxKeys) {
                LOG.warn("API rate limiter full ({} clients this minute): serving a new client uncounted", maxKeys);
                chain.doFilter(request, response);
                return;
            }
            window = windows.compute(key, (k, old) -> old == null || old.minute() != minute
                    ? new Window(minute, new AtomicInteger()) : old);
        }
        int used = window.count().incrementAndGet();
        response.setHeader("RateLimit-Policy", limit + ";w=" + WINDOW_SECONDS);
        response.setHeader("RateLimit-Limit", Integer.toString(limit));
        response.setHeader("RateLimit-Remaining", Integer.toString(Math.max(0, limit - used)));
        response.setHeader("RateLimit-Reset", Long.toString(reset));
        if (used > limit) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(reset));
            problems.write(request, response, new ApiProblemWriter.Problem(HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-requests", "At most " + limit + " requests a minute " + (token ? "per token" : "per address")
                    + "; retry in " + reset + " seconds.", null));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Drops the windows of past minutes, once a minute. */
    private void sweep(long minute) {
        long last = sweptMinute.get();
        if (last != minute && sweptMinute.compareAndSet(last, minute)) {
            windows.values().removeIf(window -> window.minute() < minute);
        }
    }

    int clientsCounted() {
        return windows.size();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
