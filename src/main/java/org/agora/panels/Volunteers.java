package org.agora.panels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.agora.panels.Panels.instant;
import static org.agora.panels.Panels.ts;

/** The pools' rows. One volunteer per email per panel is the constraint panel_volunteer_email_unique. */
@Repository
class Volunteers {

    private static final String COLUMNS = "id, panel_id, pseudonym, source, external_id, email, name, address, postcode, "
            + "household, features, language, created_at, deleted_at";

    /** What a new volunteer brings; {@code email} lower-case or null. */
    record Draft(String source, String externalId, String email, String name, String address, String postcode,
                 String household, Map<String, String> features, String language, Instant consentAt) {
    }

    private final JdbcClient jdbc;

    Volunteers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long panelId, int serial, Draft draft, Instant now) {
        jdbc.sql("INSERT INTO panel_volunteer (panel_id, serial, pseudonym, source, external_id, email, name, address, "
                        + "postcode, household, features, language, consent_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(panelId, serial, Volunteer.pseudonym(serial), draft.source(), draft.externalId(), draft.email(),
                        draft.name(), draft.address(), draft.postcode(), draft.household(),
                        Volunteer.encode(draft.features()), draft.language(), ts(draft.consentAt()), ts(now))
                .update();
    }

    List<Volunteer> pool(long panelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel_volunteer WHERE panel_id = ? ORDER BY serial").param(panelId)
                .query(Volunteers::volunteer).list();
    }

    int count(long panelId) {
        return jdbc.sql("SELECT count(*) FROM panel_volunteer WHERE panel_id = ?").param(panelId).query(Integer.class)
                .single();
    }

    boolean emailTaken(long panelId, String email) {
        return jdbc.sql("SELECT count(*) FROM panel_volunteer WHERE panel_id = ? AND email = ?").params(panelId, email)
                .query(Long.class).single() > 0;
    }

    List<String> externalIds(long panelId) {
        return jdbc.sql("SELECT external_id FROM panel_volunteer WHERE panel_id = ? AND external_id IS NOT NULL")
                .param(panelId).query(String.class).list();
    }

    List<String> emails(long panelId) {
        return jdbc.sql("SELECT email FROM panel_volunteer WHERE panel_id = ? AND email IS NOT NULL")
                .param(panelId).query(String.class).list();
    }

    /** Deletes the personal data of a whole pool, keeping each row's pseudonym; returns how many rows it cleared. */
    int deletePersonalData(long panelId, Instant now) {
        return jdbc.sql("UPDATE panel_volunteer SET external_id = NULL, email = NULL, name = NULL, address = NULL, "
                        + "postcode = NULL, household = NULL, features = NULL, deleted_at = ? "
                        + "WHERE panel_id = ? AND deleted_at IS NULL")
                .params(ts(now), panelId).update();
    }

    private static Volunteer volunteer(ResultSet rs, int row) throws SQLException {
        return new Volunteer(rs.getLong("id"), rs.getLong("panel_id"), rs.getString("pseudonym"), rs.getString("source"),
                rs.getString("external_id"), rs.getString("email"), rs.getString("name"), rs.getString("address"),
                rs.getString("postcode"), rs.getString("household"), Volunteer.decode(rs.getString("features")),
                rs.getString("language"), instant(rs, "created_at"), instant(rs, "deleted_at"));
    }
}
