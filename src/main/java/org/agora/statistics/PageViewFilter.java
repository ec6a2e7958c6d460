package org.agora.statistics;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the views of public HTML pages after they were served: GET, status 200, an HTML response, not the admin
 * area, not a file (assets, feeds, exports, the sitemap), not a bot. Nothing of the request is kept but the path.
 */
@Component
class PageViewFilter extends OncePerRequestFilter {

    /**
     * User agents that are not people reading a page, matched case-insensitively anywhere in the header: search
     * engines and other crawlers ("bot", "crawl", "spider", "slurp"), link previews of social networks and chats,
     * monitoring probes, command-line and library HTTP clients, headless browsers. An empty user agent is a program too.
     */
    static final List<String> BOTS = List.of("bot", "crawl", "spider", "slurp", "facebookexternalhit", "embedly",
            "preview", "monitor", "uptime", "pingdom", "lighthouse", "headless", "phantomjs", "curl", "wget",
            "python-", "java/", "okhttp", "go-http-client", "libwww", "httpclient", "axios", "node-fetch", "feedfetcher",
            "scrapy");

    private static final List<String> EXCLUDED_PREFIXES = List.of("/admin", "/css/", "/js/", "/images/", "/webjars/",
            "/actuator", "/error", "/language/", "/login", "/logout");

    private final AudienceCounter counter;

    PageViewFilter(AudienceCounter counter) {
        this.counter = counter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        String path = normalised(request.getRequestURI(), request.getContextPath());
        if ("GET".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_OK
                && isHtml(response.getContentType()) && path != null && !isBot(request.getHeader("User-Agent"))) {
            counter.record(path, request.getRemoteAddr(), request.getHeader("User-Agent"));
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String lower = userAgent.toLowerCase(Locale.ROOT);
        return BOTS.stream().anyMatch(lower::contains);
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    /**
     * The path counted: the query string dropped (it is not part of the URI), ids kept, no trailing slash, at most 300
     * characters; null for what is not a page to count (admin, assets, a file name with an extension).
     */
    static String normalised(String uri, String contextPath) {
        if (uri == null) {
            return null;
        }
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri;
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String finalPath = path;
        if (EXCLUDED_PREFIXES.stream().anyMatch(prefix -> finalPath.equals(prefix.replaceAll("/$", ""))
                || finalPath.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                || finalPath.equals(prefix))) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return null;
        }
        return path.length() > 300 ? path.substring(0, 300) : path;
    }
}
