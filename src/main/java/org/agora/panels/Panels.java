package org.agora.panels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The panels' rows: the panel, its quotas, its team, its published lottery, its draw and its replacements. */
@Repository
class Panels {

    private static final String COLUMNS = "id, slug, name, purpose, territory_id, size_k, household_columns, process_id, "
            + "meeting_ids, recruitment_opens_at, recruitment_closes_at, retention_days, status, lottery_size, "
            + "lottery_sha256, lottery_bound, lottery_deviation, lottery_published_at, draw_seed, draw_index, drawn_at, "
            + "drawn_members, members, ended_at, pool_deleted_at";

    /** A replacement as the public log shows it. */
    record Replaced(Instant at, String dropped, String replacement, String seed) {
    }

    private final JdbcClient jdbc;

    Panels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(PanelForm.Checked panel, String slug, long createdBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO panel (slug, name, purpose, territory_id, size_k, household_columns, process_id, meeting_ids, "
                        + "recruitment_opens_at, recruitment_closes_at, retention_days, status, next_number, created_by, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")
                .params(slug, panel.name(), panel.purpose(), panel.territoryId(), panel.size(), panel.householdColumns(),
                        panel.processId(), panel.meetingIds(), ts(panel.opensAt()), ts(panel.closesAt()),
                        panel.retentionDays(), PanelStatus.DRAFT.name(), createdBy, ts(now), ts(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void update(long id, PanelForm.Checked panel, Instant now) {
        jdbc.sql("UPDATE panel SET name = ?, purpose = ?, territory_id = ?, size_k = ?, household_columns = ?, "
                        + "process_id = ?, meeting_ids = ?, recruitment_opens_at = ?, recruitment_closes_at = ?, "
                        + "retention_days = ?, updated_at = ? WHERE id = ?")
                .params(panel.name(), panel.purpose(), panel.territoryId(), panel.size(), panel.householdColumns(),
                        panel.processId(), panel.meetingIds(), ts(panel.opensAt()), ts(panel.closesAt()),
                        panel.retentionDays(), ts(now), id)
                .update();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT count(*) FROM panel WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    Optional<Panel> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel WHERE id = ?").param(id).query(Panels::panel).optional();
    }

    /** Locks the panel's row until the transaction ends: volunteers get their numbers one at a time. */
    Optional<Panel> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel WHERE id = ? FOR UPDATE").param(id).query(Panels::panel).optional();
    }

    Optional<Panel> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel WHERE slug = ?").param(slug).query(Panels::panel).optional();
    }

    List<Panel> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel ORDER BY created_at DESC, id DESC").query(Panels::panel).list();
    }

    List<Panel> publicPanels() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel WHERE status <> 'DRAFT' ORDER BY created_at DESC, id DESC")
                .query(Panels::panel).list();
    }

    /** Panels ended whose pool still holds personal data. */
    List<Panel> endedWithPool() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM panel WHERE status = 'ENDED' AND pool_deleted_at IS NULL")
                .query(Panels::panel).list();
    }

    /** Takes {@code count} consecutive volunteer numbers; the caller holds the panel's lock. */
    int takeNumbers(long id, int count) {
        int first = jdbc.sql("SELECT next_number FROM panel WHERE id = ?").param(id).query(Integer.class).single();
        jdbc.sql("UPDATE panel SET next_number = ? WHERE id = ?").params(first + count, id).update();
        return first;
    }

    void status(long id, PanelStatus status, Instant now) {
        jdbc.sql("UPDATE panel SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), ts(now), id).update();
    }

    void end(long id, Instant now) {
        jdbc.sql("UPDATE panel SET status = 'ENDED', ended_at = ?, updated_at = ? WHERE id = ?").params(ts(now), ts(now), id)
                .update();
    }

    void poolDeleted(long id, Instant now) {
        jdbc.sql("UPDATE panel SET pool_deleted_at = ? WHERE id = ?").params(ts(now), id).update();
    }

    // ----- Quotas -----

    List<Quota> quotas(long panelId) {
        return jdbc.sql("SELECT feature, feature_value, min_count, max_count, min_flex, max_flex FROM panel_quota "
                        + "WHERE panel_id = ? ORDER BY sort_order")
                .param(panelId)
                .query((rs, row) -> new Quota(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class)))
                .list();
    }

    void replaceQuotas(long panelId, List<Quota> quotas) {
        jdbc.sql("DELETE FROM panel_quota WHERE panel_id = ?").param(panelId).update();
        int order = 0;
        for (Quota quota : quotas) {
            jdbc.sql("INSERT INTO panel_quota (panel_id, sort_order, feature, feature_value, min_count, max_count, "
                            + "min_flex, max_flex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(panelId, order++, quota.feature(), quota.value(), quota.min(), quota.max(), quota.minFlex(),
                            quota.maxFlex())
                    .update();
        }
    }

    // ----- Team -----

    List<Long> team(long panelId) {
        return jdbc.sql("SELECT account_id FROM panel_team WHERE panel_id = ? ORDER BY account_id").param(panelId)
                .query(Long.class).list();
    }

    boolean onTeam(long panelId, long accountId) {
        return jdbc.sql("SELECT count(*) FROM panel_team WHERE panel_id = ? AND account_id = ?").params(panelId, accountId)
                .query(Long.class).single() > 0;
    }

    void addToTeam(long panelId, long accountId) {
        if (!onTeam(panelId, accountId)) {
            jdbc.sql("INSERT INTO panel_team (panel_id, account_id) VALUES (?, ?)").params(panelId, accountId).update();
        }
    }

    void removeFromTeam(long panelId, long accountId) {
        jdbc.sql("DELETE FROM panel_team WHERE panel_id = ? AND account_id = ?").params(panelId, accountId).update();
    }

    // ----- Lottery, draw, replacements -----

    void publishLottery(long id, int m, String csv, List<List<String>> panels, String sha256, double bound,
                        double deviation, Instant now) {
        StringBuilder lines = new StringBuilder();
        panels.forEach(members -> lines.append(String.join(",", members)).append('\n'));
        jdbc.sql("UPDATE panel SET status = 'LOTTERY_PUBLISHED', lottery_size = ?, lottery_csv = ?, lottery_panels = ?, "
                        + "lottery_sha256 = ?, lottery_bound = ?, lottery_deviation = ?, lottery_published_at = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(m, csv, lines.toString(), sha256, bound, deviation, ts(now), ts(now), id).update();
    }

    Optional<String> lotteryFile(long id) {
        return jdbc.sql("SELECT lottery_csv FROM panel WHERE id = ? AND lottery_csv IS NOT NULL").param(id)
                .query(String.class).optional();
    }

    /** The published panels in their published order (index 0 first). */
    List<List<String>> lotteryPanels(long id) {
        String lines = jdbc.sql("SELECT lottery_panels FROM panel WHERE id = ?").param(id).query(String.class).optional()
                .orElse(null);
        if (lines == null) {
            return List.of();
        }
        return Arrays.stream(lines.split("\n")).filter(line -> !line.isBlank()).map(Panel::split).toList();
    }

    void drawn(long id, String seed, int index, List<String> members, Instant now) {
        String joined = String.join(",", members);
        jdbc.sql("UPDATE panel SET status = 'DRAWN', draw_seed = ?, draw_index = ?, drawn_at = ?, drawn_members = ?, "
                        + "members = ?, updated_at = ? WHERE id = ?")
                .params(seed, index, ts(now), joined, joined, ts(now), id).update();
    }

    void members(long id, List<String> members, Instant now) {
        jdbc.sql("UPDATE panel SET members = ?, updated_at = ? WHERE id = ?").params(String.join(",", members), ts(now), id)
                .update();
    }

    void replaced(long panelId, String dropped, String replacement, String seed, long by, Instant now) {
        jdbc.sql("INSERT INTO panel_replacement (panel_id, dropped, replacement, seed, replaced_at, replaced_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(panelId, dropped, replacement, seed, ts(now), by).update();
    }

    List<Replaced> replacements(long panelId) {
        return jdbc.sql("SELECT replaced_at, dropped, replacement, seed FROM panel_replacement WHERE panel_id = ? ORDER BY id")
                .param(panelId)
                .query((rs, row) -> new Replaced(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // ----- Mapping -----

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Panel panel(ResultSet rs, int row) throws SQLException {
        return new Panel(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("purpose"),
                rs.getLong("territory_id"), rs.getInt("size_k"), rs.getString("household_columns"),
                rs.getObject("process_id", Long.class), rs.getString("meeting_ids"), instant(rs, "recruitment_opens_at"),
                instant(rs, "recruitment_closes_at"), rs.getInt("retention_days"), PanelStatus.valueOf(rs.getString("status")),
                rs.getObject("lottery_size", Integer.class), rs.getString("lottery_sha256"),
                rs.getObject("lottery_bound", Double.class), rs.getObject("lottery_deviation", Double.class),
                instant(rs, "lottery_published_at"), rs.getString("draw_seed"), rs.getObject("draw_index", Integer.class),
                instant(rs, "drawn_at"), rs.getString("drawn_members"), rs.getString("members"), instant(rs, "ended_at"),
                instant(rs, "pool_deleted_at"));
    }

    static List<String> sorted(List<String> pseudonyms) {
        List<String> copy = new ArrayList<>(pseudonyms);
        copy.sort(null);
        return copy;
    }
}
