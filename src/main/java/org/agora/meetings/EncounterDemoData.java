package org.agora.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisations met: at every past meeting of the demo process, the organisations of its territory (a few), and
 * at the regional seminar a wider round, so that the demo process shows a few dozen distinct organisations met.
 */
@Component
@Order(65)
@ConditionalOnBooleanProperty("agora.demo-data")
class EncounterDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EncounterDemoData.class);
    private static final int PER_MEETING = 4;
    private static final int AT_SEMINAR = 14;

    private final JdbcTemplate jdbc;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final Clock clock;

    EncounterDemoData(JdbcTemplate jdbc, OrganisationDirectory organisations, AccountManagement accounts, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.clock = clock;
    }

    private record PastMeeting(long id, MeetingKind kind, long territoryId) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgoraUser agent = accounts.findByEmail("agent@example.org").flatMap(accounts::find).orElse(null);
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_encounter", Integer.class);
        if (agent == null || already == null || already > 0) {
            return;
        }
        List<PastMeeting> past = jdbc.query("""
                SELECT m.id, m.kind, m.territory_id FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                WHERE m.status = 'PUBLISHED' AND m.starts_at < ? AND s.process_id IS NOT NULL ORDER BY m.starts_at""",
                (rs, row) -> new PastMeeting(rs.getLong("id"), MeetingKind.valueOf(rs.getString("kind")),
                        rs.getLong("territory_id")), Timestamp.from(clock.instant()));
        int created = 0;
        for (PastMeeting meeting : past) {
            List<OrganisationView> met = meeting.kind() == MeetingKind.SEMINAR
                    ? organisations.searchAnywhere("", AT_SEMINAR * 3).stream().filter(organisation ->
                            organisation.id().value() % 3 == 0).limit(AT_SEMINAR).toList()
                    : organisations.search("", meeting.territoryId(), PER_MEETING);
            for (OrganisationView organisation : met) {
                created += jdbc.update("""
                        INSERT INTO meeting_encounter (meeting_id, organisation_id, note, recorded_by, recorded_at)
                        VALUES (?, ?, NULL, ?, ?) ON CONFLICT DO NOTHING""", meeting.id(), organisation.id().value(),
                        agent.id().value(), Timestamp.from(clock.instant()));
            }
        }
        log.info("Demo organisations met recorded: {}", created);
    }
}
