package org.agora.accountability;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What was sent on to another level of government (commune, EPCI, département, État, Europe), and their reply. */
@Service
class Transmissions {

    record Transmission(long id, String recipient, TransmissionLevel level, String subject, String summary,
                        LocalDate sentOn, String reply, LocalDate repliedOn) {
        public String path() {
            return "/transmissions/" + id;
        }

        public boolean replied() {
            return reply != null;
        }
    }

    private static final String TRANSMISSION = "SELECT id, recipient, level, subject, summary, sent_on, reply, replied_on FROM transmission ";

    private final JdbcClient jdbc;

    Transmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Transmission> all() {
        return jdbc.sql(TRANSMISSION + "ORDER BY sent_on DESC, id DESC").query(Transmission.class).list();
    }

    Optional<Transmission> find(long id) {
        return jdbc.sql(TRANSMISSION + "WHERE id = ?").param(id).query(Transmission.class).optional();
    }

    /** To whom, at which level and when a transmission is sent, before it exists (named in an answer, created on publication). */
    record Draft(String recipient, TransmissionLevel level, LocalDate sentOn) {
    }

    /** Checks a transmission to create as {@link #create} does; throws {@link CharterInvalid} with every problem. */
    static Draft draft(String recipient, String level, String sentOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        Draft draft = new Draft(check.text("recipient", recipient, 200), check.choice("level", TransmissionLevel.class, level),
                check.date("sentOn", sentOn));
        check.done();
        return draft;
    }

    @Transactional
    long create(String recipient, String level, String subject, String summary, String sentOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedRecipient = check.text("recipient", recipient, 200);
        TransmissionLevel checkedLevel = check.choice("level", TransmissionLevel.class, level);
        String checkedSubject = check.text("subject", subject, 200);
        String checkedSummary = check.text("summary", summary, 10_000);
        LocalDate sent = check.date("sentOn", sentOn);
        check.done();
        return WorkProgrammes.insert(jdbc, "INSERT INTO transmission (recipient, level, subject, summary, sent_on) VALUES (?, ?, ?, ?, ?)",
                checkedRecipient, checkedLevel.name(), checkedSubject, checkedSummary, sent);
    }

    /** Records (or corrects) the reply and its date. */
    @Transactional
    void recordReply(long id, String reply, String repliedOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedReply = check.text("reply", reply, 20_000);
        LocalDate date = check.date("repliedOn", repliedOn);
        check.done();
        jdbc.sql("UPDATE transmission SET reply = ?, replied_on = ? WHERE id = ?").params(checkedReply, date, id).update();
    }
}
