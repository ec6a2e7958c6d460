package org.agora.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationKind;
import org.agora.territories.TerritoryDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures of meetings for other modules (the figures page): meetings held and organisations met, for the
 * whole instance, a process, or a territory (a territory includes everything below it: a département its living areas
 * and communes). Cancelled meetings and drafts count for nothing.
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

    /** What the figures cover: everything, one process, or one territory and below. */
    public record Scope(Long processId, Long territoryId) {

        public static Scope everywhere() {
            return new Scope(null, null);
        }

        public static Scope process(long processId) {
            return new Scope(processId, null);
        }

        public static Scope territory(long territoryId) {
            return new Scope(null, territoryId);
        }
    }

    /** How many distinct organisations were met, in all and per kind (every kind present, zero included). */
    public record OrganisationsMet(long distinct, Map<OrganisationKind, Long> byKind) {
    }

    /** Published meetings of the scope that are over (held), not cancelled — as the attendance figures count them. */
    public long held(Scope scope) {
        return meetingsOf(scope, "m.status = 'PUBLISHED' AND m.ends_at <= ?", Timestamp.from(clock.instant())).size();
    }

    /** The distinct organisations met at the published meetings of the scope. */
    public OrganisationsMet organisationsMet(Scope scope) {
        Set<Long> meetings = Set.copyOf(meetingsOf(scope, "m.status = 'PUBLISHED'"));
        Set<Long> met = new LinkedHashSet<>();
        jdbc.query("SELECT meeting_id, organisation_id FROM meeting_encounter ORDER BY organisation_id", rs -> {
            if (meetings.contains(rs.getLong("meeting_id"))) {
                met.add(rs.getLong("organisation_id"));
            }
        });
        Map<OrganisationKind, Long> byKind = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            byKind.put(kind, 0L);
        }
        long distinct = 0;
        for (long id : met) {
            var organisation = organisations.find(new OrganisationId(id));
            if (organisation.isPresent()) {
                byKind.merge(organisation.get().kind(), 1L, Long::sum);
                distinct++;
            }
        }
        return new OrganisationsMet(distinct, byKind);
    }

    /** The ids of the meetings of the scope matching the condition (on alias m). */
    private List<Long> meetingsOf(Scope scope, String condition, Object... args) {
        Set<Long> within = scope.territoryId() == null ? null : territories.selfAndDescendants(scope.territoryId());
        String sql = "SELECT m.id, m.territory_id, m.process_id FROM meeting m WHERE " + condition;
        return jdbc.query(sql, (rs, row) -> {
            long processId = rs.getLong("process_id");
            boolean inProcess = scope.processId() == null || !rs.wasNull() && processId == scope.processId();
            boolean inTerritory = within == null || within.contains(rs.getLong("territory_id"));
            return inProcess && inTerritory ? rs.getLong("id") : null;
        }, args).stream().filter(java.util.Objects::nonNull).toList();
    }
}
