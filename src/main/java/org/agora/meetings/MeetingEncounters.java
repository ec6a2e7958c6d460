package org.agora.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationView;
import org.agora.organisations.OrganisationsMerged;
import org.agora.shared.Clocks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations met at a meeting (encounters), recorded and removed by those who manage the meeting. One row per
 * organisation and meeting (a database constraint): recording it again is a success that changes nothing.
 */
@Service
@Transactional
class MeetingEncounters {

    static final int NOTE_MAX = 500;

    private final JdbcTemplate jdbc;
    private final MeetingManagement management;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    MeetingEncounters(JdbcTemplate jdbc, MeetingManagement management, OrganisationDirectory organisations, Clock clock) {
        this.jdbc = jdbc;
        this.management = management;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** An organisation met, as the meeting's pages show it. */
    record Encounter(long id, OrganisationView organisation, String note, long recordedBy, ZonedDateTime recordedAt) {
    }

    /**
     * Records that this organisation was met at this meeting; true when it was not recorded yet. The note is kept
     * from the first recording.
     *
     * @throws MeetingRefused when the person may not manage the meeting, or the organisation is unknown
     */
    boolean record(AgoraUser user, long meetingId, OrganisationId organisation, String note) {
        Meeting meeting = management.managed(user, meetingId);
        if (organisations.find(organisation).isEmpty()) {
            throw new MeetingRefused("meetings.encounters.organisation.unknown", org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        String cleaned = note == null || note.isBlank() ? null : note.strip();
        if (cleaned != null && cleaned.length() > NOTE_MAX) {
            throw new MeetingRefused("meetings.encounters.note.length", org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return jdbc.update("""
                INSERT INTO meeting_encounter (meeting_id, organisation_id, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", meeting.id(), organisation.value(), cleaned,
                user.id().value(), Timestamp.from(clock.instant())) == 1;
    }

    /** Removes an encounter of this meeting; removing one already gone is a success. */
    void remove(AgoraUser user, long meetingId, long encounterId) {
        Meeting meeting = management.managed(user, meetingId);
        jdbc.update("DELETE FROM meeting_encounter WHERE id = ? AND meeting_id = ?", encounterId, meeting.id());
    }

    /** The organisations met at this meeting, by name; one that no longer exists is left out. */
    @Transactional(readOnly = true)
    List<Encounter> of(long meetingId) {
        List<Row> rows = jdbc.query("SELECT id, organisation_id, note, recorded_by, recorded_at FROM meeting_encounter "
                + "WHERE meeting_id = ? ORDER BY id", (rs, row) -> new Row(rs.getLong("id"), rs.getLong("organisation_id"),
                rs.getString("note"), rs.getLong("recorded_by"), rs.getTimestamp("recorded_at").toInstant()), meetingId);
        return rows.stream().flatMap(row -> organisations.find(new OrganisationId(row.organisationId())).stream()
                        .map(found -> new Encounter(row.id(), found, row.note(), row.recordedBy(),
                                row.recordedAt().atZone(Clocks.PARIS))))
                .sorted(Comparator.comparing(encounter -> encounter.organisation().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private record Row(long id, long organisationId, String note, long recordedBy, Instant recordedAt) {
    }

    /**
     * Two organisations became one: the encounters of the removed one point at the kept one, except where the kept one
     * was met at the same meeting already (that row stays, the duplicate goes).
     */
    @EventListener
    void on(OrganisationsMerged merged) {
        long kept = merged.kept().value();
        long removed = merged.removed().value();
        jdbc.update("""
                DELETE FROM meeting_encounter WHERE organisation_id = ? AND meeting_id IN (
                    SELECT meeting_id FROM meeting_encounter WHERE organisation_id = ?)""", removed, kept);
        jdbc.update("UPDATE meeting_encounter SET organisation_id = ? WHERE organisation_id = ?", kept, removed);
    }
}
