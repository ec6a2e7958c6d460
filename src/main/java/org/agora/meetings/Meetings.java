package org.agora.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Meetings, their series and their questions, in SQL: the registration rules need row locks and counters. */
@Repository
class Meetings {

    /** Which public meetings a list shows. Null fields do not filter. */
    record Filter(Set<Long> territoryIds, MeetingKind kind, Long seriesId, Long processId, Instant from, Instant to,
                  boolean past) {
    }

    record Page(List<Meeting> meetings, long total) {
    }

    private static final String COLUMNS = "id, series_id, kind, format, title, description, starts_at, ends_at, "
            + "process_id, territory_id, commune_id, address, online_url, organiser_id, organiser_name, invitation_only, "
            + "invitation_token, capacity, registration_enabled, registration_opens_at, registration_closes_at, status, "
            + "sequence, confirmed_count, waiting_count, updated_at";

    private static final RowMapper<Meeting> MEETING = (rs, row) -> new Meeting(rs.getLong("id"),
            (Long) rs.getObject("series_id", Long.class), MeetingKind.valueOf(rs.getString("kind")),
            MeetingFormat.valueOf(rs.getString("format")), rs.getString("title"), rs.getString("description"),
            instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getObject("process_id", Long.class),
            rs.getLong("territory_id"), rs.getObject("commune_id", Long.class), rs.getString("address"),
            rs.getString("online_url"), rs.getLong("organiser_id"), rs.getString("organiser_name"),
            rs.getBoolean("invitation_only"), rs.getString("invitation_token"), rs.getObject("capacity", Integer.class),
            rs.getBoolean("registration_enabled"), instant(rs, "registration_opens_at"),
            instant(rs, "registration_closes_at"), MeetingStatus.valueOf(rs.getString("status")), rs.getInt("sequence"),
            rs.getInt("confirmed_count"), rs.getInt("waiting_count"), instant(rs, "updated_at"));

    private static final RowMapper<Series> SERIES = (rs, row) -> new Series(rs.getLong("id"), rs.getString("slug"),
            SeriesKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
            rs.getObject("process_id", Long.class));

    private static final RowMapper<Question> QUESTION = (rs, row) -> new Question(rs.getLong("id"),
            rs.getLong("meeting_id"), rs.getInt("position"), QuestionKind.valueOf(rs.getString("kind")),
            rs.getString("label"), rs.getBoolean("required"), Question.parseOptions(rs.getString("options")));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Meetings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    // ---- Meetings --------------------------------------------------------------------------------------------------

    Optional<Meeting> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE id = ?", MEETING, id).stream().findFirst();
    }

    /** The meeting, its row locked until the end of the transaction: registrations to it are decided one at a time. */
    Optional<Meeting> lock(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE id = ? FOR UPDATE", MEETING, id).stream().findFirst();
    }

    long insert(MeetingDetails details, long organiserId, String invitationToken, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        MapSqlParameterSource params = params(details).addValue("organiser", organiserId)
                .addValue("token", invitationToken).addValue("now", timestamp(now));
        named.update("INSERT INTO meeting (series_id, kind, format, title, description, starts_at, ends_at, process_id, "
                + "territory_id, commune_id, address, online_url, organiser_id, organiser_name, invitation_only, "
                + "invitation_token, capacity, registration_enabled, registration_opens_at, registration_closes_at, "
                + "status, sequence, confirmed_count, waiting_count, created_at, updated_at) VALUES (:series, :kind, "
                + ":format, :title, :description, :starts, :ends, :process, :territory, :commune, :address, :link, "
                + ":organiser, :organiserName, :invitation, :token, :capacity, :registration, :opens, :closes, 'DRAFT', "
                + "0, 0, 0, :now, :now)", params, key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void update(long id, MeetingDetails details, Instant now) {
        named.update("UPDATE meeting SET series_id = :series, kind = :kind, format = :format, title = :title, "
                + "description = :description, starts_at = :starts, ends_at = :ends, process_id = :process, "
                + "territory_id = :territory, commune_id = :commune, address = :address, online_url = :link, "
                + "organiser_name = :organiserName, invitation_only = :invitation, capacity = :capacity, "
                + "registration_enabled = :registration, registration_opens_at = :opens, "
                + "registration_closes_at = :closes, sequence = sequence + 1, updated_at = :now WHERE id = :id",
                params(details).addValue("id", id).addValue("now", timestamp(now)));
    }

    void changeStatus(long id, MeetingStatus status, Instant now) {
        jdbc.update("UPDATE meeting SET status = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
                status.name(), timestamp(now), id);
    }

    void changeCounts(long id, int confirmedDelta, int waitingDelta) {
        jdbc.update("UPDATE meeting SET confirmed_count = confirmed_count + ?, waiting_count = waiting_count + ? WHERE id = ?",
                confirmedDelta, waitingDelta, id);
    }

    private static MapSqlParameterSource params(MeetingDetails details) {
        return new MapSqlParameterSource().addValue("series", details.seriesId()).addValue("kind", details.kind().name())
                .addValue("format", details.format().name()).addValue("title", details.title())
                .addValue("description", details.description()).addValue("starts", timestamp(details.startsAt()))
                .addValue("ends", timestamp(details.endsAt())).addValue("process", details.processId())
                .addValue("territory", details.territoryId()).addValue("commune", details.communeId())
                .addValue("address", details.address()).addValue("link", details.onlineUrl())
                .addValue("organiserName", details.organiserName()).addValue("invitation", details.invitationOnly())
                .addValue("capacity", details.capacity()).addValue("registration", details.registrationEnabled())
                .addValue("opens", timestamp(details.registrationOpensAt()))
                .addValue("closes", timestamp(details.registrationClosesAt()));
    }

    /** Public meetings (published or cancelled, not by invitation), upcoming ones soonest first, past ones latest first. */
    Page listPublic(Filter filter, Instant now, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM meeting WHERE status <> 'DRAFT' AND invitation_only = FALSE");
        MapSqlParameterSource params = new MapSqlParameterSource("now", timestamp(now));
        where.append(filter.past() ? " AND ends_at <= :now" : " AND ends_at > :now");
        filterBy(filter, where, params);
        return page(where + (filter.past() ? " ORDER BY starts_at DESC, id DESC" : " ORDER BY starts_at, id"),
                where.toString(), params, page, size);
    }

    /** Every meeting for staff (drafts included), latest first; {@code territoryIds} null means everywhere. */
    Page listAll(Filter filter, MeetingStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM meeting WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (status != null) {
            where.append(" AND status = :status");
            params.addValue("status", status.name());
        }
        filterBy(filter, where, params);
        return page(where + " ORDER BY starts_at DESC, id DESC", where.toString(), params, page, size);
    }

    private static void filterBy(Filter filter, StringBuilder where, MapSqlParameterSource params) {
        if (filter.territoryIds() != null) {
            where.append(" AND (territory_id IN (:territories) OR commune_id IN (:territories))");
            params.addValue("territories", filter.territoryIds().isEmpty() ? List.of(-1L) : filter.territoryIds());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = :kind");
            params.addValue("kind", filter.kind().name());
        }
        if (filter.seriesId() != null) {
            where.append(" AND series_id = :series");
            params.addValue("series", filter.seriesId());
        }
        if (filter.processId() != null) {
            where.append(" AND process_id = :process");
            params.addValue("process", filter.processId());
        }
        if (filter.from() != null) {
            where.append(" AND starts_at >= :from");
            params.addValue("from", timestamp(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND starts_at < :to");
            params.addValue("to", timestamp(filter.to()));
        }
    }

    private Page page(String query, String where, MapSqlParameterSource params, int page, int size) {
        Long total = named.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        List<Meeting> meetings = named.query("SELECT " + COLUMNS + query + " LIMIT " + size + " OFFSET "
                + (long) page * size, params, MEETING);
        return new Page(meetings, total == null ? 0 : total);
    }

    /** Public meetings of a series or a process, in date order, for pages and calendar feeds. */
    List<Meeting> publicOfSeries(long seriesId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE series_id = ? AND status <> 'DRAFT' "
                + "AND invitation_only = FALSE ORDER BY starts_at, id", MEETING, seriesId);
    }

    List<Meeting> publicOfProcess(long processId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM meeting WHERE process_id = ? AND status <> 'DRAFT' "
                + "AND invitation_only = FALSE ORDER BY starts_at, id", MEETING, processId);
    }

    List<Long> publicIds() {
        return jdbc.queryForList("SELECT id FROM meeting WHERE status <> 'DRAFT' AND invitation_only = FALSE ORDER BY id",
                Long.class);
    }

    List<Meeting> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM meeting WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                MEETING);
    }

    // ---- Series ----------------------------------------------------------------------------------------------------

    List<Series> allSeries() {
        return jdbc.query("SELECT * FROM meeting_series ORDER BY title", SERIES);
    }

    Optional<Series> series(long id) {
        return jdbc.query("SELECT * FROM meeting_series WHERE id = ?", SERIES, id).stream().findFirst();
    }

    Optional<Series> seriesBySlug(String slug) {
        return jdbc.query("SELECT * FROM meeting_series WHERE slug = ?", SERIES, slug).stream().findFirst();
    }

    long insertSeries(String slug, SeriesKind kind, String title, String description, Long processId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("INSERT INTO meeting_series (slug, kind, title, description, process_id) VALUES (:slug, :kind, "
                + ":title, :description, :process)", new MapSqlParameterSource("slug", slug).addValue("kind", kind.name())
                .addValue("title", title).addValue("description", description).addValue("process", processId),
                key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void updateSeries(long id, SeriesKind kind, String title, String description, Long processId) {
        jdbc.update("UPDATE meeting_series SET kind = ?, title = ?, description = ?, process_id = ? WHERE id = ?",
                kind.name(), title, description, processId, id);
    }

    boolean slugTaken(String slug) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM meeting_series WHERE slug = ?", Integer.class, slug);
        return count != null && count > 0;
    }

    // ---- Questions -------------------------------------------------------------------------------------------------

    List<Question> questions(long meetingId) {
        return jdbc.query("SELECT * FROM meeting_question WHERE meeting_id = ? ORDER BY position, id", QUESTION, meetingId);
    }

    void addQuestion(long meetingId, QuestionKind kind, String label, boolean required, List<String> options) {
        jdbc.update("INSERT INTO meeting_question (meeting_id, position, kind, label, required, options) VALUES (?, "
                + "(SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_question WHERE meeting_id = ?), ?, ?, ?, ?)",
                meetingId, meetingId, kind.name(), label, required, String.join("\n", options));
    }

    boolean removeQuestion(long meetingId, long questionId) {
        jdbc.update("DELETE FROM meeting_answer WHERE question_id = ? AND question_id IN "
                + "(SELECT id FROM meeting_question WHERE meeting_id = ?)", questionId, meetingId);
        return jdbc.update("DELETE FROM meeting_question WHERE id = ? AND meeting_id = ?", questionId, meetingId) == 1;
    }

    /** Swaps a question with its neighbour above ({@code up}) or below. */
    void moveQuestion(long meetingId, long questionId, boolean up) {
        List<Question> questions = new ArrayList<>(questions(meetingId));
        int index = -1;
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id() == questionId) {
                index = i;
            }
        }
        int other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= questions.size()) {
            return;
        }
        java.util.Collections.swap(questions, index, other);
        for (int i = 0; i < questions.size(); i++) {
            jdbc.update("UPDATE meeting_question SET position = ? WHERE id = ?", i + 1, questions.get(i).id());
        }
    }
}
