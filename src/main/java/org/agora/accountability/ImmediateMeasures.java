package org.agora.accountability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Immediate measures (<i>mesures immédiates</i>) and the dated history of their implementation status. */
@Service
class ImmediateMeasures {

    record Measure(long id, String slug, String title, String description, ImmediateMeasureStatus status) {
        public String path() {
            return "/mesures/" + slug;
        }
    }

    record StatusChange(ImmediateMeasureStatus status, LocalDate changedOn, String note) {
    }

    private static final String MEASURE = "SELECT id, slug, title, description, status FROM immediate_measure ";

    private final JdbcClient jdbc;
    private final WorkProgrammes programmes;
    private final Clock clock;

    ImmediateMeasures(JdbcClient jdbc, WorkProgrammes programmes, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.clock = clock;
    }

    List<Measure> all() {
        return jdbc.sql(MEASURE + "ORDER BY id").query(Measure.class).list();
    }

    Optional<Measure> find(long id) {
        return jdbc.sql(MEASURE + "WHERE id = ?").param(id).query(Measure.class).optional();
    }

    Optional<Measure> findBySlug(String slug) {
        return jdbc.sql(MEASURE + "WHERE slug = ?").param(slug).query(Measure.class).optional();
    }

    /** Newest first. */
    List<StatusChange> history(long measure) {
        return jdbc.sql("SELECT status, changed_on, note FROM immediate_measure_status WHERE measure_id = ? "
                + "ORDER BY changed_on DESC, recorded_at DESC, id DESC").param(measure).query(StatusChange.class).list();
    }

    @Transactional
    Measure create(String title, String description, String status, String changedOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        String checkedDescription = check.text("description", description, 20_000);
        ImmediateMeasureStatus checkedStatus = check.choice("status", ImmediateMeasureStatus.class, status);
        LocalDate date = check.date("changedOn", changedOn);
        check.done();
        String slug = programmes.freeSlug("immediate_measure", checkedTitle);
        long id = WorkProgrammes.insert(jdbc, "INSERT INTO immediate_measure (slug, title, description, status) VALUES (?, ?, ?, ?)",
                slug, checkedTitle, checkedDescription, checkedStatus.name());
        record(id, checkedStatus, date, "");
        return find(id).orElseThrow();
    }

    @Transactional
    void edit(long id, String title, String description) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        String checkedDescription = check.text("description", description, 20_000);
        check.done();
        jdbc.sql("UPDATE immediate_measure SET title = ?, description = ? WHERE id = ?")
                .params(checkedTitle, checkedDescription, id).update();
    }

    /** Records a new status with its date; the earlier ones stay in the history. */
    @Transactional
    void changeStatus(long id, String status, String changedOn, String note) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        ImmediateMeasureStatus checkedStatus = check.choice("status", ImmediateMeasureStatus.class, status);
        LocalDate date = check.date("changedOn", changedOn);
        String checkedNote = note == null ? "" : note.strip();
        if (checkedNote.length() > 2_000) {
            check.fail("note", "accountability.charter.error.tooLong");
        }
        check.done();
        record(id, checkedStatus, date, checkedNote);
        jdbc.sql("UPDATE immediate_measure SET status = ? WHERE id = ?").params(checkedStatus.name(), id).update();
    }

    private void record(long id, ImmediateMeasureStatus status, LocalDate date, String note) {
        jdbc.sql("INSERT INTO immediate_measure_status (measure_id, status, changed_on, note, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, status.name(), date, note, Timestamp.from(clock.instant())).update();
    }
}
