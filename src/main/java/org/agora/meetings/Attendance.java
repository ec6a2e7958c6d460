package org.agora.meetings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.territories.TerritoryDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.agora.meetings.Meetings.instant;
import static org.agora.meetings.Meetings.timestamp;

/**
 * Who came to a meeting: marking registered people present at the door (and undoing it), adding walk-ins, and the
 * attendance figures. Staff, administrators and the facilitators of the meeting's territory run the door
 * (see V90_5__attendance.sql for how a person is told apart).
 */
@Service
class Attendance {

    enum Show { ALL, PRESENT, ABSENT }

    /** A walk-in as typed at the door. */
    record WalkIn(String name, String email, String accessibilityNeeds) {
        WalkIn {
            name = name == null ? "" : name.strip();
            email = email == null || email.isBlank() ? null : email.strip();
            accessibilityNeeds = accessibilityNeeds == null || accessibilityNeeds.isBlank() ? null : accessibilityNeeds.strip();
        }
    }

    /** What marking someone present did: the person, and whether they were already marked. */
    record Marked(String name, boolean already) {
    }

    private static final RowMapper<Attendee> ATTENDEE = (rs, row) -> new Attendee(
            rs.getObject("registration_id", Long.class), rs.getObject("attendance_id", Long.class), rs.getString("name"),
            rs.getString("email"), rs.getString("code"),
            rs.getString("status") == null ? null : RegistrationStatus.valueOf(rs.getString("status")),
            rs.getBoolean("walk_in"), rs.getBoolean("present"), instant(rs, "marked_at"),
            rs.getString("accessibility_needs"));

    private final Meetings meetings;
    private final Registrations registrations;
    private final TerritoryDirectory territories;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    Attendance(Meetings meetings, Registrations registrations, TerritoryDirectory territories,
               NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.territories = territories;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- Rights ----------------------------------------------------------------------------------------------------

    /** Staff, administrators, and facilitators whose scope covers the meeting's territory (any kind of meeting). */
    boolean mayRunOnSite(AgoraUser user, Meeting meeting) {
        if (MeetingManagement.isStaff(user)) {
            return true;
        }
        return user != null && user.scopesOf(Role.FACILITATOR).stream().anyMatch(scope -> scope.kind() == RoleScope.Kind.GLOBAL
                || scope.kind() == RoleScope.Kind.TERRITORY && territories.isWithin(meeting.territoryId(), scope.id()));
    }

    /** The meeting, when this person may run its door; otherwise 404 (unknown) or 403. */
    Meeting onSite(AgoraUser user, long meetingId) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingRefused::notFound);
        if (!mayRunOnSite(user, meeting)) {
            throw MeetingRefused.forbidden();
        }
        return meeting;
    }

    // ---- The list --------------------------------------------------------------------------------------------------

    private static final String ATTENDEES = "SELECT r.id AS registration_id, a.id AS attendance_id, r.name, r.email, "
            + "r.code, r.status, COALESCE(a.walk_in, FALSE) AS walk_in, COALESCE(a.present, FALSE) AS present, "
            + "a.marked_at, r.accessibility_needs FROM meeting_registration r LEFT JOIN meeting_attendance a "
            + "ON a.registration_id = r.id WHERE r.meeting_id = :meeting "
            + "UNION ALL SELECT NULL, a.id, a.name, a.email, NULL, NULL, a.walk_in, a.present, a.marked_at, "
            + "a.accessibility_needs FROM meeting_attendance a WHERE a.meeting_id = :meeting AND a.registration_id IS NULL";

    /**
     * Everyone registered (whatever their status) and every walk-in, filtered by a part of their name or their exact
     * registration code, ordered by name.
     */
    List<Attendee> attendees(long meetingId, String query, Show show) {
        MapSqlParameterSource params = new MapSqlParameterSource("meeting", meetingId);
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + ATTENDEES + ") x WHERE 1 = 1");
        String typed = query == null ? "" : query.strip();
        if (!typed.isEmpty()) {
            sql.append(" AND (LOWER(x.name) LIKE :name OR x.code = :code)");
            params.addValue("name", "%" + typed.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "") + "%")
                    .addValue("code", typed.toUpperCase(Locale.ROOT));
        }
        if (show == Show.PRESENT) {
            sql.append(" AND x.present = TRUE");
        } else if (show == Show.ABSENT) {
            sql.append(" AND x.present = FALSE");
        }
        sql.append(" ORDER BY LOWER(x.name), x.registration_id, x.attendance_id");
        return jdbc.query(sql.toString(), params, ATTENDEE);
    }

    Optional<Attendee> byCode(long meetingId, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM (" + ATTENDEES + ") x WHERE x.code = :code", new MapSqlParameterSource(
                "meeting", meetingId).addValue("code", code.strip().toUpperCase(Locale.ROOT)), ATTENDEE).stream().findFirst();
    }

    // ---- Marking ---------------------------------------------------------------------------------------------------

    /**
     * Marks a registered person present. Only a confirmed seat can be: someone on the waiting list, pending or
     * cancelled comes in as a walk-in. Marking twice is a success that changes nothing.
     */
    @Transactional
    Marked markPresent(AgoraUser user, long meetingId, long registrationId) {
        onSite(user, meetingId);
        Registration registration = registrations.find(registrationId).filter(found -> found.meetingId() == meetingId)
                .orElseThrow(MeetingRefused::notFound);
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw MeetingRefused.conflict("meetings.checkin.refused.no-seat");
        }
        boolean changed = mark(meetingId, "r:" + registrationId, registrationId, false, registration.name(),
                registration.email(), registration.language(), registration.accessibilityNeeds(), user);
        return new Marked(registration.name(), !changed);
    }

    /** Marks present again someone already known at the door (a walk-in whose mark was undone). */
    @Transactional
    Marked markPresentAgain(AgoraUser user, long meetingId, long attendanceId) {
        onSite(user, meetingId);
        String name = nameOf(meetingId, attendanceId);
        int changed = jdbc.update("UPDATE meeting_attendance SET present = TRUE, marked_at = :now, marked_by = :by "
                + "WHERE id = :id AND meeting_id = :meeting AND present = FALSE", who(user)
                .addValue("id", attendanceId).addValue("meeting", meetingId));
        return new Marked(name, changed == 0);
    }

    /** Undoes a mark; undoing twice is a success that changes nothing. */
    @Transactional
    Marked undo(AgoraUser user, long meetingId, long attendanceId) {
        onSite(user, meetingId);
        String name = nameOf(meetingId, attendanceId);
        int changed = jdbc.update("UPDATE meeting_attendance SET present = FALSE, marked_at = :now, marked_by = :by "
                + "WHERE id = :id AND meeting_id = :meeting AND present = TRUE", who(user)
                .addValue("id", attendanceId).addValue("meeting", meetingId));
        return new Marked(name, changed == 0);
    }

    /** Problems of a walk-in form, field -> message key. */
    static Map<String, String> check(WalkIn walkIn) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (walkIn.name().isEmpty() || walkIn.name().length() > 200) {
            problems.put("name", "meetings.walkin.name.length");
        }
        if (walkIn.email() != null && (walkIn.email().length() > 254
                || !walkIn.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.put("email", "meetings.walkin.email.invalid");
        }
        if (walkIn.accessibilityNeeds() != null && walkIn.accessibilityNeeds().length() > 1000) {
            problems.put("accessibilityNeeds", "meetings.register.needs.length");
        }
        return problems;
    }

    /**
     * Adds someone present without a seat. An e-mail matching a confirmed registration marks that registration
     * present instead (they had a seat after all); matching another registration links the walk-in to it. The same
     * e-mail twice is one person: a success that changes nothing.
     */
    @Transactional
    Marked addWalkIn(AgoraUser user, long meetingId, WalkIn walkIn, String language) {
        onSite(user, meetingId);
        if (!check(walkIn).isEmpty()) {
            throw new InvalidAnswers(check(walkIn));
        }
        Optional<Registration> registered = walkIn.email() == null ? Optional.empty()
                : registrations.findByEmail(meetingId, walkIn.email());
        if (registered.isPresent() && registered.get().status() == RegistrationStatus.CONFIRMED) {
            return markPresent(user, meetingId, registered.get().id());
        }
        String key = registered.map(found -> "r:" + found.id())
                .orElseGet(() -> walkIn.email() == null ? "w:" + UUID.randomUUID() : "e:" + Registrations.emailKey(walkIn.email()));
        boolean changed = mark(meetingId, key, registered.map(Registration::id).orElse(null), true, walkIn.name(),
                walkIn.email(), language, walkIn.accessibilityNeeds(), user);
        return new Marked(walkIn.name(), !changed);
    }

    /** Inserts the person's row present, or sets it present; false when it already was. */
    private boolean mark(long meetingId, String key, Long registrationId, boolean walkIn, String name, String email,
                         String language, String needs, AgoraUser user) {
        MapSqlParameterSource params = who(user).addValue("meeting", meetingId).addValue("key", key);
        if (jdbc.update("UPDATE meeting_attendance SET present = TRUE, marked_at = :now, marked_by = :by "
                + "WHERE meeting_id = :meeting AND person_key = :key AND present = FALSE", params) == 1) {
            return true;
        }
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = :meeting "
                + "AND person_key = :key", params, Integer.class);
        if (existing != null && existing > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO meeting_attendance (meeting_id, registration_id, person_key, walk_in, name, email, "
                    + "language, accessibility_needs, present, marked_at, marked_by) VALUES (:meeting, :registration, "
                    + ":key, :walkIn, :name, :email, :language, :needs, TRUE, :now, :by)", params
                    .addValue("registration", registrationId).addValue("walkIn", walkIn).addValue("name", name)
                    .addValue("email", email).addValue("language", language).addValue("needs", needs));
            return true;
        } catch (DuplicateKeyException markedMeanwhile) {
            return false;
        }
    }

    private String nameOf(long meetingId, long attendanceId) {
        return jdbc.query("SELECT name FROM meeting_attendance WHERE id = :id AND meeting_id = :meeting",
                new MapSqlParameterSource("id", attendanceId).addValue("meeting", meetingId),
                (rs, row) -> rs.getString(1)).stream().findFirst().orElseThrow(MeetingRefused::notFound);
    }

    private MapSqlParameterSource who(AgoraUser user) {
        return new MapSqlParameterSource("now", timestamp(clock.instant())).addValue("by", user.id().value());
    }

    // ---- Figures ---------------------------------------------------------------------------------------------------

    private static final String FIGURES = "SELECT m.id, "
            + "(SELECT COUNT(*) FROM meeting_registration r WHERE r.meeting_id = m.id AND r.status = 'CONFIRMED') AS registered, "
            + "(SELECT COUNT(*) FROM meeting_attendance a JOIN meeting_registration r ON r.id = a.registration_id "
            + "WHERE a.meeting_id = m.id AND a.present = TRUE AND a.walk_in = FALSE AND r.status = 'CONFIRMED') AS present_registered, "
            + "(SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present = TRUE "
            + "AND a.walk_in = TRUE) AS walk_ins FROM meeting m WHERE ";

    MeetingFigures figures(long meetingId) {
        return figures(MeetingSelection.meeting(meetingId));
    }

    java.time.Instant now() {
        return clock.instant();
    }

    MeetingFigures figures(MeetingSelection selection) {
        return jdbc.query(FIGURES + selection.condition(), selection.params(), (rs, row) -> new MeetingFigures(1, rs.getInt("registered"),
                rs.getInt("present_registered"), rs.getInt("walk_ins"))).stream()
                .reduce(MeetingFigures.NONE, MeetingFigures::plus);
    }
}
