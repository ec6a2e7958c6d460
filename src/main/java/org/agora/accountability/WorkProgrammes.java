package org.agora.accountability;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy: ambitions &gt; objectives &gt; work programmes (<i>chantiers</i>). A programme's status and progress
 * change only by posting an update, and every update is kept: the timeline is the programme's history.
 */
@Service
class WorkProgrammes {

    record Ambition(long id, int position, String title, String description, List<Objective> objectives) {
    }

    record Objective(long id, long ambitionId, int position, String title, List<Programme> programmes) {
    }

    record Programme(long id, long objectiveId, String slug, String title, String description,
                     WorkProgrammeStatus status, int progress) {
        public String path() {
            return "/chantiers/" + slug;
        }
    }

    record Milestone(long id, long programmeId, String title, LocalDate plannedOn, LocalDate reachedOn) {
    }

    record Update(long id, LocalDate postedOn, String text, int progress, WorkProgrammeStatus status) {
    }

    private static final String PROGRAMME = "SELECT id, objective_id, slug, title, description, status, progress FROM work_programme ";

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkProgrammes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The whole tree, in order. */
    List<Ambition> tree() {
        List<Programme> programmes = jdbc.sql(PROGRAMME + "ORDER BY id").query(Programme.class).list();
        List<Objective> objectives = jdbc.sql("SELECT id, ambition_id, position, title FROM objective ORDER BY position, id")
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    return new Objective(id, rs.getLong(2), rs.getInt(3), rs.getString(4),
                            programmes.stream().filter(p -> p.objectiveId() == id).toList());
                })
                .list();
        return jdbc.sql("SELECT id, position, title, description FROM ambition ORDER BY position, id")
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    return new Ambition(id, rs.getInt(2), rs.getString(3), rs.getString(4),
                            objectives.stream().filter(o -> o.ambitionId() == id).toList());
                })
                .list();
    }

    boolean hasAmbition(long id) {
        return count("SELECT COUNT(*) FROM ambition WHERE id = ?", id) > 0;
    }

    boolean hasObjective(long id) {
        return count("SELECT COUNT(*) FROM objective WHERE id = ?", id) > 0;
    }

    List<Programme> programmes() {
        return jdbc.sql(PROGRAMME + "ORDER BY title").query(Programme.class).list();
    }

    Optional<Programme> find(long id) {
        return jdbc.sql(PROGRAMME + "WHERE id = ?").param(id).query(Programme.class).optional();
    }

    Optional<Programme> findBySlug(String slug) {
        return jdbc.sql(PROGRAMME + "WHERE slug = ?").param(slug).query(Programme.class).optional();
    }

    /** The objective a programme serves, with its ambition's title. */
    String[] placeOf(Programme programme) {
        return jdbc.sql("SELECT a.title, o.title FROM objective o JOIN ambition a ON a.id = o.ambition_id WHERE o.id = ?")
                .param(programme.objectiveId())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    List<Milestone> milestones(long programme) {
        return jdbc.sql("SELECT id, programme_id, title, planned_on, reached_on FROM work_programme_milestone "
                        + "WHERE programme_id = ? ORDER BY planned_on, id").param(programme).query(Milestone.class).list();
    }

    /** Newest first. */
    List<Update> updates(long programme) {
        return jdbc.sql("SELECT id, posted_on, text, progress, status FROM work_programme_update WHERE programme_id = ? "
                        + "ORDER BY posted_on DESC, posted_at DESC, id DESC").param(programme).query(Update.class).list();
    }

    @Transactional
    long addAmbition(String title, String description) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        String checkedDescription = check.text("description", description, 5_000);
        check.done();
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM ambition").query(Integer.class).single();
        return insert(jdbc, "INSERT INTO ambition (position, title, description) VALUES (?, ?, ?)",
                position, checkedTitle, checkedDescription);
    }

    @Transactional
    long addObjective(long ambition, String title) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        if (count("SELECT COUNT(*) FROM ambition WHERE id = ?", ambition) == 0) {
            check.fail("ambition", "accountability.charter.error.choice");
        }
        check.done();
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM objective WHERE ambition_id = ?")
                .param(ambition).query(Integer.class).single();
        return insert(jdbc, "INSERT INTO objective (ambition_id, position, title) VALUES (?, ?, ?)",
                ambition, position, checkedTitle);
    }

    @Transactional
    Programme addProgramme(long objective, String title, String description) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        String checkedDescription = check.text("description", description, 20_000);
        if (count("SELECT COUNT(*) FROM objective WHERE id = ?", objective) == 0) {
            check.fail("objective", "accountability.charter.error.choice");
        }
        check.done();
        String slug = freeSlug("work_programme", checkedTitle);
        jdbc.sql("INSERT INTO work_programme (objective_id, slug, title, description, status, progress) VALUES (?, ?, ?, ?, ?, 0)")
                .params(objective, slug, checkedTitle, checkedDescription, WorkProgrammeStatus.UPCOMING.name()).update();
        return findBySlug(slug).orElseThrow();
    }

    @Transactional
    void editProgramme(long id, String title, String description) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("title", title, 200);
        String checkedDescription = check.text("description", description, 20_000);
        check.done();
        jdbc.sql("UPDATE work_programme SET title = ?, description = ? WHERE id = ?")
                .params(checkedTitle, checkedDescription, id).update();
    }

    /** Removes a programme with its milestones, updates and links to proposals. */
    @Transactional
    void deleteProgramme(long id) {
        jdbc.sql("DELETE FROM contribution WHERE target_kind = ? AND target_id = ?")
                .params(ContributionKind.WORK_PROGRAMME.name(), id).update();
        jdbc.sql("DELETE FROM work_programme WHERE id = ?").param(id).update();
    }

    /** Removes an objective without programmes, or an ambition without objectives; refuses otherwise. */
    @Transactional
    void deleteObjective(long id) {
        if (count("SELECT COUNT(*) FROM work_programme WHERE objective_id = ?", id) > 0) {
            throw CharterInvalid.of("objective", "accountability.strategy.error.notEmpty");
        }
        jdbc.sql("DELETE FROM objective WHERE id = ?").param(id).update();
    }

    @Transactional
    void deleteAmbition(long id) {
        if (count("SELECT COUNT(*) FROM objective WHERE ambition_id = ?", id) > 0) {
            throw CharterInvalid.of("ambition", "accountability.strategy.error.notEmpty");
        }
        jdbc.sql("DELETE FROM ambition WHERE id = ?").param(id).update();
    }

    @Transactional
    void addMilestone(long programme, String title, String plannedOn, String reachedOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        String checkedTitle = check.text("milestoneTitle", title, 200);
        LocalDate planned = check.date("plannedOn", plannedOn);
        LocalDate reached = reachedOn == null || reachedOn.isBlank() ? null : check.date("reachedOn", reachedOn);
        check.done();
        jdbc.sql("INSERT INTO work_programme_milestone (programme_id, title, planned_on, reached_on) VALUES (?, ?, ?, ?)")
                .params(programme, checkedTitle, planned, reached).update();
    }

    @Transactional
    void reachMilestone(long programme, long milestone, String reachedOn) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        LocalDate reached = check.date("reachedOn", reachedOn);
        check.done();
        if (jdbc.sql("UPDATE work_programme_milestone SET reached_on = ? WHERE id = ? AND programme_id = ?")
                .params(reached, milestone, programme).update() == 0) {
            throw CharterInvalid.of("reachedOn", "accountability.charter.error.choice");
        }
    }

    /** Posts a dated update; the programme takes its progress and status. Earlier updates stay as they were. */
    @Transactional
    void postUpdate(long programme, String postedOn, String text, String progress, String status) {
        CharterInvalid.Check check = new CharterInvalid.Check();
        LocalDate date = check.date("postedOn", postedOn);
        String checkedText = check.text("text", text, 10_000);
        int percent = check.number("progress", progress, 0, 100);
        WorkProgrammeStatus checkedStatus = check.choice("status", WorkProgrammeStatus.class, status);
        check.done();
        jdbc.sql("INSERT INTO work_programme_update (programme_id, posted_on, posted_at, text, progress, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(programme, date, java.sql.Timestamp.from(clock.instant()), checkedText, percent, checkedStatus.name()).update();
        jdbc.sql("UPDATE work_programme SET progress = ?, status = ? WHERE id = ?")
                .params(percent, checkedStatus.name(), programme).update();
    }

    /** Inserts a row and returns its generated id. */
    static long insert(JdbcClient jdbc, String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    /** A readable, unused address made of the title's words. */
    String freeSlug(String table, String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 100) {
            base = base.substring(0, 100).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "item";
        }
        String slug = base;
        for (int n = 2; jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE slug = ?").param(slug).query(Integer.class).single() > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
