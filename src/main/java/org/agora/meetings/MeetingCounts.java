package org.agora.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationKind;
import org.agora.territories.TerritoryDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures of meetings for other modules (the figures page): meetings held and organisations met, for the
 * whole instance, a process, or a territory (a territory includes everything below it: a département its living areas
 * and communes), optionally only for the meetings that started within a period. Cancelled meetings and drafts count
 * for nothing. Each figure is one grouped query.
 */
@Service
@Transactional(readOnly = true)
public class MeetingCounts {

    private final JdbcTemplate jdbc;
    private final TerritoryDirectory territories;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    MeetingCounts(JdbcTemplate jdbc, TerritoryDirectory territories, OrganisationDirectory organisations, Clock clock) {
        this.jdbc = jdbc;
        this.territories = territories;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * What the figures cover: everything, one process, or one territory and below; {@code from} (included) and
     * {@code until} (excluded) bound the meetings' start when not null.
     */
    public record Scope(Long processId, Long territoryId, Instant from, Instant until) {

        public static Scope everywhere() {
            return new Scope(null, null, null, null);
        }

        public static Scope process(long processId) {
            return new Scope(processId, null, null, null);
        }

        public static Scope territory(long territoryId) {
            return new Scope(null, territoryId, null, null);
        }

        /** The same scope, for the meetings that start from {@code from} (included) until {@code until} (excluded). */
        public Scope between(Instant from, Instant until) {
            return new Scope(processId, territoryId, from, until);
        }
    }

    /** How many distinct organisations were met, in all and per kind (every kind present, zero included). */
    public record OrganisationsMet(long distinct, Map<OrganisationKind, Long> byKind) {
    }

    /** Published meetings of the scope that are over (held), not cancelled — as the attendance figures count them. */
    public long held(Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args);
        args.add(Timestamp.from(clock.instant()));
        return jdbc.queryForObject("SELECT COUNT(*) FROM meeting m WHERE " + where + " AND m.ends_at <= ?", Long.class,
                args.toArray());
    }

    /** The distinct organisations met at the published meetings of the scope. */
    public OrganisationsMet organisationsMet(Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, args);
        List<Long> met = jdbc.queryForList("SELECT DISTINCT e.organisation_id FROM meeting_encounter e "
                + "JOIN meeting m ON m.id = e.meeting_id WHERE " + where, Long.class, args.toArray());
        Map<OrganisationKind, Long> byKind = organisations.countsByKind(met);
        return new OrganisationsMet(byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
    }

    /** The condition (on alias m) of the published meetings of the scope, its arguments added to {@code args}. */
    private String where(Scope scope, List<Object> args) {
        StringBuilder sql = new StringBuilder("m.status = 'PUBLISHED'");
        if (scope.processId() != null) {
            sql.append(" AND m.process_id = ?");
            args.add(scope.processId());
        }
        if (scope.territoryId() != null) {
            List<Long> within = List.copyOf(territories.selfAndDescendants(scope.territoryId()));
            sql.append(" AND m.territory_id IN (").append(String.join(", ", Collections.nCopies(within.size(), "?"))).append(')');
            args.addAll(within);
        }
        if (scope.from() != null) {
            sql.append(" AND m.starts_at >= ?");
            args.add(Timestamp.from(scope.from()));
        }
        if (scope.until() != null) {
            sql.append(" AND m.starts_at < ?");
            args.add(Timestamp.from(scope.until()));
        }
        return sql.toString();
    }
}
