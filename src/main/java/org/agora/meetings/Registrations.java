package org.agora.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.agora.meetings.Meetings.instant;
import static org.agora.meetings.Meetings.timestamp;

/** Registrations and their answers, in SQL. Status changes happen while the meeting row is locked. */
@Repository
class Registrations {

    private static final RowMapper<Registration> REGISTRATION = (rs, row) -> new Registration(rs.getLong("id"),
            rs.getLong("meeting_id"), rs.getObject("account_id", Long.class), rs.getString("name"), rs.getString("email"),
            rs.getString("language"), rs.getString("code"), RegistrationStatus.valueOf(rs.getString("status")),
            rs.getString("accessibility_needs"), instant(rs, "created_at"), instant(rs, "queued_at"),
            instant(rs, "confirm_expires_at"), instant(rs, "reminder_sent_at"));

    private final JdbcTemplate jdbc;

    Registrations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Registration> find(long id) {
        return one("SELECT * FROM meeting_registration WHERE id = ?", id);
    }

    Optional<Registration> findByEmail(long meetingId, String email) {
        return one("SELECT * FROM meeting_registration WHERE meeting_id = ? AND email_key = ?", meetingId, emailKey(email));
    }

    Optional<Registration> findByAccount(long meetingId, long accountId) {
        return one("SELECT * FROM meeting_registration WHERE meeting_id = ? AND account_id = ?", meetingId, accountId);
    }

    Optional<Registration> findByConfirmToken(String token) {
        return one("SELECT * FROM meeting_registration WHERE confirm_token_hash = ?", Tokens.hash(token));
    }

    Optional<Registration> findByCancelToken(String token) {
        return one("SELECT * FROM meeting_registration WHERE cancel_token_hash = ?", Tokens.hash(token));
    }

    /** The first of the waiting list: who joined it first. */
    Optional<Registration> firstWaiting(long meetingId) {
        return one("SELECT * FROM meeting_registration WHERE meeting_id = ? AND status = 'WAITING' "
                + "ORDER BY queued_at, id LIMIT 1", meetingId);
    }

    List<Registration> ofMeeting(long meetingId) {
        return jdbc.query("SELECT * FROM meeting_registration WHERE meeting_id = ? ORDER BY "
                + "CASE status WHEN 'CONFIRMED' THEN 0 WHEN 'WAITING' THEN 1 WHEN 'PENDING' THEN 2 ELSE 3 END, queued_at, id",
                REGISTRATION, meetingId);
    }

    List<Registration> ofMeeting(long meetingId, RegistrationStatus status) {
        return jdbc.query("SELECT * FROM meeting_registration WHERE meeting_id = ? AND status = ? ORDER BY queued_at, id",
                REGISTRATION, meetingId, status.name());
    }

    List<Registration> ofAccount(long accountId) {
        return jdbc.query("SELECT * FROM meeting_registration WHERE account_id = ? ORDER BY created_at DESC",
                REGISTRATION, accountId);
    }

    /** Position in the waiting list, from 1. */
    int waitingPosition(Registration registration) {
        Integer ahead = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_registration WHERE meeting_id = ? AND "
                + "status = 'WAITING' AND (queued_at < ? OR (queued_at = ? AND id < ?))", Integer.class,
                registration.meetingId(), timestamp(registration.queuedAt()), timestamp(registration.queuedAt()),
                registration.id());
        return (ahead == null ? 0 : ahead) + 1;
    }

    record NewRegistration(long meetingId, Long accountId, String name, String email, String language,
                           RegistrationStatus status, String accessibilityNeeds, String confirmTokenHash,
                           Instant confirmExpiresAt, String cancelTokenHash) {
    }

    long insert(NewRegistration registration, String code, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO meeting_registration (meeting_id, account_id, name, "
                    + "email, email_key, language, code, status, accessibility_needs, created_at, queued_at, confirmed_at, "
                    + "confirm_token_hash, confirm_expires_at, cancel_token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?)", new String[] {"id"});
            statement.setLong(1, registration.meetingId());
            statement.setObject(2, registration.accountId());
            statement.setString(3, registration.name());
            statement.setString(4, registration.email());
            statement.setString(5, emailKey(registration.email()));
            statement.setString(6, registration.language());
            statement.setString(7, code);
            statement.setString(8, registration.status().name());
            statement.setString(9, registration.accessibilityNeeds());
            statement.setTimestamp(10, timestamp(now));
            statement.setTimestamp(11, timestamp(now));
            statement.setTimestamp(12, registration.status() == RegistrationStatus.CONFIRMED ? timestamp(now) : null);
            statement.setString(13, registration.confirmTokenHash());
            statement.setTimestamp(14, timestamp(registration.confirmExpiresAt()));
            statement.setString(15, registration.cancelTokenHash());
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    /** A cancelled registration taken up again: it joins the end of the queue with fresh answers and tokens. */
    void reopen(long id, NewRegistration registration, Instant now) {
        jdbc.update("UPDATE meeting_registration SET account_id = COALESCE(account_id, ?), name = ?, language = ?, "
                + "status = ?, accessibility_needs = ?, queued_at = ?, confirmed_at = ?, cancelled_at = NULL, "
                + "confirm_token_hash = ?, confirm_expires_at = ?, cancel_token_hash = ?, reminder_sent_at = NULL "
                + "WHERE id = ?", registration.accountId(), registration.name(), registration.language(),
                registration.status().name(), registration.accessibilityNeeds(), timestamp(now),
                registration.status() == RegistrationStatus.CONFIRMED ? timestamp(now) : null,
                registration.confirmTokenHash(), timestamp(registration.confirmExpiresAt()),
                registration.cancelTokenHash(), id);
        jdbc.update("DELETE FROM meeting_answer WHERE registration_id = ?", id);
    }

    void changeStatus(long id, RegistrationStatus status, Instant now) {
        jdbc.update("UPDATE meeting_registration SET status = ?, confirmed_at = CASE WHEN ? = 'CONFIRMED' THEN ? "
                + "ELSE confirmed_at END, cancelled_at = CASE WHEN ? = 'CANCELLED' THEN ? ELSE cancelled_at END, "
                + "confirm_token_hash = CASE WHEN ? = 'PENDING' THEN confirm_token_hash ELSE NULL END WHERE id = ?",
                status.name(), status.name(), timestamp(now), status.name(), timestamp(now), status.name(), id);
    }

    void replaceCancelToken(long id, String hash) {
        jdbc.update("UPDATE meeting_registration SET cancel_token_hash = ? WHERE id = ?", hash, id);
    }

    void saveAnswers(long registrationId, Map<Long, String> answers) {
        answers.forEach((questionId, answer) -> jdbc.update(
                "INSERT INTO meeting_answer (registration_id, question_id, answer) VALUES (?, ?, ?)",
                registrationId, questionId, answer));
    }

    /** Answers of every registration of a meeting: registration id -> question id -> answer. */
    Map<Long, Map<Long, String>> answers(long meetingId) {
        Map<Long, Map<Long, String>> answers = new java.util.HashMap<>();
        jdbc.query("SELECT a.registration_id, a.question_id, a.answer FROM meeting_answer a JOIN meeting_registration r "
                + "ON r.id = a.registration_id WHERE r.meeting_id = ?", rs -> {
                    answers.computeIfAbsent(rs.getLong(1), id -> new java.util.HashMap<>()).put(rs.getLong(2), rs.getString(3));
                }, meetingId);
        return answers;
    }

    /**
     * Claims, for this node alone, the confirmed registrations of meetings starting in the window that were not
     * reminded yet: the UPDATE ... WHERE reminder_sent_at IS NULL lets only one node take each row.
     */
    List<Registration> claimReminders(Instant from, Instant to, Instant now) {
        List<Long> candidates = jdbc.queryForList("SELECT r.id FROM meeting_registration r JOIN meeting m ON m.id = "
                + "r.meeting_id WHERE r.status = 'CONFIRMED' AND r.reminder_sent_at IS NULL AND m.status = 'PUBLISHED' "
                + "AND m.starts_at >= ? AND m.starts_at < ?", Long.class, timestamp(from), timestamp(to));
        return candidates.stream()
                .filter(id -> jdbc.update("UPDATE meeting_registration SET reminder_sent_at = ? WHERE id = ? "
                        + "AND reminder_sent_at IS NULL", timestamp(now), id) == 1)
                .map(id -> find(id).orElseThrow()).toList();
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Registration> one(String sql, Object... args) {
        return jdbc.query(sql, REGISTRATION, args).stream().findFirst();
    }
}
