package org.agora.programmes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accompaniment of the applicants retained by a call for applications: a contractor, days allotted (the call's
 * default), sessions logged in half-days, the days remaining and a warning when the allotment is exceeded.
 */
@Service
class Accompaniments {

    record Accompaniment(long applicationId, String contractorName, String contractorEmail, int daysAllotted,
                         int halfDaysUsed) {

        /** Remaining days, negative when exceeded, in half-day steps. */
        public double remainingDays() {
            return (daysAllotted * 2 - halfDaysUsed) / 2.0;
        }

        public double usedDays() {
            return halfDaysUsed / 2.0;
        }

        public boolean exceeded() {
            return halfDaysUsed > daysAllotted * 2;
        }
    }

    record Session(long id, LocalDate heldOn, int halfDays, String topic, String notes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Applications applications;
    private final Calls calls;

    Accompaniments(NamedParameterJdbcTemplate jdbc, Applications applications, Calls calls) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.calls = calls;
    }

    Optional<Accompaniment> find(long applicationId) {
        return jdbc.query("SELECT a.*, (SELECT COALESCE(SUM(s.half_days), 0) FROM programme_session s WHERE "
                + "s.application_id = a.application_id) AS used FROM programme_accompaniment a WHERE a.application_id = :id",
                Map.of("id", applicationId), (rs, row) -> new Accompaniment(rs.getLong("application_id"),
                        rs.getString("contractor_name"), rs.getString("contractor_email"), rs.getInt("days_allotted"),
                        rs.getInt("used"))).stream().findFirst();
    }

    List<Session> sessions(long applicationId) {
        return jdbc.query("SELECT * FROM programme_session WHERE application_id = :id ORDER BY held_on, id",
                Map.of("id", applicationId), (rs, row) -> new Session(rs.getLong("id"), Rows.localDate(rs, "held_on"),
                        rs.getInt("half_days"), rs.getString("topic"), rs.getString("notes")));
    }

    private Application retainedForAccompaniment(long applicationId) {
        Application application = applications.require(applicationId);
        if (!application.retained() || !calls.require(application.callId()).accompanies()) {
            throw ProgrammeRefused.conflict("programmes.accompaniment.refused.notRetained");
        }
        return application;
    }

    /** Assigns (or changes) the contractor and the days allotted (empty: the call's default). */
    @Transactional
    Map<String, String> assign(AgoraUser staff, long applicationId, String name, String email, String days) {
        Rows.requireStaff(staff);
        Application application = retainedForAccompaniment(applicationId);
        Map<String, String> problems = new LinkedHashMap<>();
        if (Rows.strip(name).isEmpty() || Rows.strip(name).length() > 200) {
            problems.put("contractorName", "programmes.accompaniment.error.name");
        }
        if (!Rows.strip(email).matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}")) {
            problems.put("contractorEmail", "programmes.accompaniment.error.email");
        }
        int allotted = calls.require(application.callId()).accompanimentDays();
        if (!Rows.strip(days).isEmpty()) {
            if (!Rows.strip(days).matches("\\d{1,3}") || Integer.parseInt(Rows.strip(days)) > 365) {
                problems.put("daysAllotted", "programmes.accompaniment.error.days");
            } else {
                allotted = Integer.parseInt(Rows.strip(days));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", applicationId).addValue("name", Rows.strip(name))
                .addValue("email", Rows.strip(email)).addValue("days", allotted);
        if (jdbc.update("UPDATE programme_accompaniment SET contractor_name = :name, contractor_email = :email, "
                + "days_allotted = :days WHERE application_id = :id", params) == 0) {
            jdbc.update("INSERT INTO programme_accompaniment (application_id, contractor_name, contractor_email, "
                    + "days_allotted) VALUES (:id, :name, :email, :days)", params);
        }
        return Map.of();
    }

    /** Logs a session (date, half-days 1 to 20, topic, notes). Exceeding the allotment is allowed, and shown. */
    @Transactional
    Map<String, String> log(AgoraUser staff, long applicationId, String heldOn, String halfDays, String topic,
                            String notes) {
        Rows.requireStaff(staff);
        retainedForAccompaniment(applicationId);
        if (find(applicationId).isEmpty()) {
            throw ProgrammeRefused.conflict("programmes.accompaniment.refused.noContractor");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<LocalDate> date = Grants.date(heldOn);
        if (date.isEmpty()) {
            problems.put("heldOn", "programmes.accompaniment.error.date");
        }
        String half = Rows.strip(halfDays);
        if (!half.matches("\\d{1,2}") || Integer.parseInt(half) < 1 || Integer.parseInt(half) > 20) {
            problems.put("halfDays", "programmes.accompaniment.error.halfDays");
        }
        if (Rows.strip(topic).isEmpty() || Rows.strip(topic).length() > 200) {
            problems.put("topic", "programmes.accompaniment.error.topic");
        }
        if (Rows.strip(notes).length() > 4000) {
            problems.put("notes", "programmes.accompaniment.error.notes");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        jdbc.update("INSERT INTO programme_session (application_id, held_on, half_days, topic, notes, logged_by) VALUES "
                + "(:id, :on, :half, :topic, :notes, :by)", new MapSqlParameterSource("id", applicationId)
                .addValue("on", Rows.date(date.get())).addValue("half", Integer.parseInt(half))
                .addValue("topic", Rows.strip(topic)).addValue("notes", Rows.strip(notes))
                .addValue("by", staff.id().value()));
        return Map.of();
    }
}
