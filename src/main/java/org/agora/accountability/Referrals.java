package org.agora.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.agora.shared.Clocks;
import org.agora.shared.FileFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals (<i>saisines</i>) of a question to an advisory body, with a deadline and a linked process, and the body's
 * opinion (<i>avis</i>): a text and an optional PDF, recognised from its content.
 */
@Service
class Referrals {

    static final int MAX_PDF_BYTES = 8 * 1024 * 1024;

    record AdvisoryBody(long id, String name, String description) {
    }

    record Referral(long id, long bodyId, String bodyName, String question, LocalDate deadline, Long processId,
                    LocalDate referredOn, String opinion, LocalDate opinionOn, boolean hasPdf) {
        public String path() {
            return "/saisines/" + id;
        }
    }

    private static final String REFERRAL = "SELECT r.id, r.body_id, b.name AS body_name, r.question, r.deadline, r.process_id, "
            + "r.referred_on, r.opinion, r.opinion_on, r.opinion_pdf IS NOT NULL AS has_pdf "
            + "FROM referral r JOIN advisory_body b ON b.id = r.body_id ";

    private final JdbcClient jdbc;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<AdvisoryBody> bodies() {
        return jdbc.sql("SELECT id, name, description FROM advisory_body ORDER BY name").query(AdvisoryBody.class).list();
    }

    @Transactional
    long addBody(String name, String description) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedName = check.text("name", name, 200);
        String checkedDescription = check.text("description", description, 2_000);
        if (jdbc.sql("SELECT COUNT(*) FROM advisory_body WHERE LOWER(name) = LOWER(?)").param(checkedName)
                .query(Integer.class).single() > 0) {
            check.fail("name", "accountability.referral.error.bodyTaken");
        }
        check.done();
        return WorkProgrammes.insert(jdbc, "INSERT INTO advisory_body (name, description) VALUES (?, ?)", checkedName, checkedDescription);
    }

    List<Referral> all() {
        return jdbc.sql(REFERRAL + "ORDER BY r.referred_on DESC, r.id DESC").query(Referral.class).list();
    }

    Optional<Referral> find(long id) {
        return jdbc.sql(REFERRAL + "WHERE r.id = ?").param(id).query(Referral.class).optional();
    }

    /** Refers a question; {@code processId} is a public process's id, or null. */
    @Transactional
    long create(String body, String question, String deadline, Long processId) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        long bodyId = check.number("body", body, 1, Integer.MAX_VALUE);
        if (jdbc.sql("SELECT COUNT(*) FROM advisory_body WHERE id = ?").param(bodyId).query(Integer.class).single() == 0) {
            check.fail("body", "accountability.charter.error.choice");
        }
        String checkedQuestion = check.text("question", question, 10_000);
        LocalDate due = check.date("deadline", deadline);
        check.done();
        return WorkProgrammes.insert(jdbc, "INSERT INTO referral (body_id, question, deadline, process_id, referred_on) VALUES (?, ?, ?, ?, ?)",
                bodyId, checkedQuestion, due, processId, LocalDate.now(clock.withZone(Clocks.PARIS)));
    }

    /** Records the body's opinion; a new PDF replaces the previous one, no PDF keeps it. */
    @Transactional
    void recordOpinion(long id, String opinion, String opinionOn, byte[] pdf) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedOpinion = check.text("opinion", opinion, 50_000);
        LocalDate date = check.date("opinionOn", opinionOn);
        if (pdf != null && pdf.length > MAX_PDF_BYTES) {
            check.fail("pdf", "accountability.referral.error.pdfSize");
        } else if (pdf != null && FileFormat.detect(pdf).filter(format -> format == FileFormat.PDF).isEmpty()) {
            check.fail("pdf", "accountability.referral.error.pdfType");
        }
        check.done();
        jdbc.sql("UPDATE referral SET opinion = ?, opinion_on = ? WHERE id = ?").params(checkedOpinion, date, id).update();
        if (pdf != null) {
            jdbc.sql("UPDATE referral SET opinion_pdf = ? WHERE id = ?").params(pdf, id).update();
        }
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT opinion_pdf FROM referral WHERE id = ? AND opinion_pdf IS NOT NULL").param(id)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }
}
