package org.agora.meetings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo attendance on the past meetings with registrations: about 87 % of the registered people present and a few
 * walk-ins; on the largest one (the demo's launch seminar, 75 registered) the survey sent and about 40 answers, half
 * of them "tout à fait satisfait", and published minutes. Seeded, so every first start gives the same figures.
 */
@Component
@Order(65)
@ConditionalOnBooleanProperty("agora.demo-data")
class AttendanceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AttendanceDemoData.class);
    private static final String[] COMMENTS = {
            "Des échanges riches, on se sent écouté.", "Trop court pour aborder les transports.",
            "Merci pour l'accueil et la garderie.", "Salle difficile d'accès en fauteuil, à revoir.",
            "J'aimerais savoir ce que deviendront nos propositions."};

    private final Attendance attendance;
    private final Surveys surveys;
    private final MinutesBook minutes;
    private final AccountManagement accounts;
    private final JdbcTemplate jdbc;

    AttendanceDemoData(Attendance attendance, Surveys surveys, MinutesBook minutes, AccountManagement accounts,
                       JdbcTemplate jdbc) {
        this.attendance = attendance;
        this.surveys = surveys;
        this.minutes = minutes;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        AgoraUser agent = accounts.findByEmail("agent@example.org").flatMap(accounts::find).orElse(null);
        Integer marked = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_attendance", Integer.class);
        if (agent == null || marked == null || marked > 0) {
            return;
        }
        List<Long> past = jdbc.queryForList("SELECT m.id FROM meeting m WHERE m.status = 'PUBLISHED' AND m.ends_at <= ? "
                + "AND m.confirmed_count > 0 ORDER BY m.confirmed_count DESC, m.id", Long.class,
                Meetings.timestamp(attendance.now()));
        if (past.isEmpty()) {
            return;
        }
        Random random = new Random(2026);
        for (long meeting : past) {
            List<Long> confirmed = jdbc.queryForList("SELECT id FROM meeting_registration WHERE meeting_id = ? AND "
                    + "status = 'CONFIRMED' ORDER BY id", Long.class, meeting);
            for (long registration : confirmed) {
                if (random.nextInt(100) < 87) {
                    attendance.markPresent(agent, meeting, registration);
                }
            }
            for (int i = 1; i <= 2 + random.nextInt(3); i++) {
                attendance.addWalkIn(agent, meeting, new Attendance.WalkIn("Personne venue sans inscription " + i,
                        null, null), "fr");
            }
        }
        long seminar = past.get(0);
        surveys.send(seminar);
        answer(seminar, random);
        minutes.write(agent, seminar, """
                Le séminaire de lancement a réuni habitants, élus, associations et agents de la Région autour d'une \
                question : comment faire de la participation une habitude, et non une exception ?

                Trois ateliers ont suivi la présentation de la démarche : les mobilités du quotidien, l'accès aux \
                services publics, la transition écologique dans les bassins de vie.
                Chaque atelier a restitué ses propositions en fin de journée.

                Prochaines étapes : les propositions sont publiées sur la plateforme, chacun peut les soutenir et les \
                commenter ; la Région répondra publiquement à chacune d'entre elles.""");
        minutes.publish(agent, seminar, true);
        log.info("Demo attendance: {} past meetings checked in, survey answers and minutes on meeting {}",
                past.size(), seminar);
    }

    /** About 40 answers, half of them "very satisfied", the rest spread over the other levels. */
    private void answer(long meeting, Random random) {
        List<Surveys.Aspect> aspects = surveys.aspects(meeting);
        List<Long> surveyed = jdbc.queryForList("SELECT id FROM meeting_attendance WHERE meeting_id = ? AND "
                + "survey_sent_at IS NOT NULL ORDER BY id", Long.class, meeting);
        int answers = Math.min(40, surveyed.size());
        for (int i = 0; i < answers; i++) {
            long attendanceId = surveyed.get(i);
            int overall = i % 2 == 0 ? 4 : i % 10 == 9 ? 2 : i % 10 == 7 ? 1 : 3;
            Map<Long, Integer> levels = new HashMap<>();
            for (Surveys.Aspect aspect : aspects) {
                levels.put(aspect.id(), Math.max(1, Math.min(4, overall + random.nextInt(3) - 1)));
            }
            surveys.answer(new Surveys.Invitation(attendanceId, meeting, "", "", false), overall, levels,
                    i % 5 == 1 ? COMMENTS[(i / 5) % COMMENTS.length] : null);
        }
    }
}
