package org.agora.opendata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.agora.shared.Clocks;
import org.agora.shared.ResultPage;
import org.agora.territories.TerritoryDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads and checks the common parameters (page, size, dates, territory) and builds the list envelope and its Link
 * header. Deep pages are refused: offset-paging past 10,000 items would scan what it skips (decision 0027).
 */
final class ApiPaging {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_OFFSET = 10_000;

    record Window(int page, int size) {

        int offset() {
            return page * size;
        }
    }

    private ApiPaging() {
    }

    static Window window(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badParameter("page", "must be 0 or more.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE + ".");
        }
        if ((long) p * s + s > MAX_OFFSET) {
            throw ApiException.badParameter("page", "pages beyond the first " + MAX_OFFSET
                    + " items are not served; narrow the list with filters (dates) instead.");
        }
        return new Window(p, s);
    }

    /** A date (2026-05-01, midnight in Paris) or a date-time with its offset (2026-05-01T08:00:00Z). */
    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(Clocks.PARIS).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badParameter(parameter, "'" + value
                    + "' is neither a date (2026-05-01) nor a date-time with an offset (2026-05-01T08:00:00Z).");
        }
    }

    static void ordered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter(toName, "must be after '" + fromName + "'.");
        }
    }

    /** The territory and every territory below it; null when no territory is asked for. */
    static Set<Long> territoryAndBelow(TerritoryDirectory territories, Long territory) {
        if (territory == null) {
            return null;
        }
        if (territories.find(territory).isEmpty()) {
            throw ApiException.badParameter("territory", "no territory has the id " + territory + ".");
        }
        return territories.selfAndDescendants(territory);
    }

    static <T> ResponseEntity<ApiPage<T>> respond(HttpServletRequest request, Window window, ResultPage<T> result) {
        long totalPages = (result.totalItems() + window.size() - 1) / window.size();
        UriComponentsBuilder base = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("size", window.size());
        String self = link(base, window.page());
        String first = link(base, 0);
        long lastPage = Math.max(0, totalPages - 1);
        String last = link(base, lastPage);
        String prev = window.page() > 0 ? link(base, Math.min(window.page() - 1, lastPage)) : null;
        String next = window.page() < lastPage ? link(base, window.page() + 1) : null;
        List<String> header = new ArrayList<>();
        header.add("<" + first + ">; rel=\"first\"");
        if (prev != null) {
            header.add("<" + prev + ">; rel=\"prev\"");
        }
        if (next != null) {
            header.add("<" + next + ">; rel=\"next\"");
        }
        header.add("<" + last + ">; rel=\"last\"");
        return ResponseEntity.ok().header(HttpHeaders.LINK, String.join(", ", header))
                .body(new ApiPage<>(result.items(), window.page(), window.size(), result.totalItems(), result.exact(),
                        totalPages, new ApiPage.Links(self, first, prev, next, last)));
    }

    private static String link(UriComponentsBuilder base, long page) {
        UriComponentsBuilder builder = base.cloneBuilder().replaceQueryParam("page", page);
        try {
            // The request's own query string is already encoded: keep it as it came.
            return builder.build(true).toUriString();
        } catch (IllegalArgumentException notEncoded) {
            return builder.build().encode().toUriString();
        }
    }
}
