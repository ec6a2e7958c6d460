package org.agora.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The initiatives' tables. */
@Repository("libraryInitiatives")
class Initiatives {

    private final NamedParameterJdbcTemplate jdbc;

    Initiatives(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InitiativeDraft draft, InitiativeStatus status, Long authorId, String sourceKey, Instant now) {
        MapSqlParameterSource params = params(draft, now).addValue("status", status.name()).addValue("author", authorId)
                .addValue("source", sourceKey)
                .addValue("published", status == InitiativeStatus.PUBLISHED ? Timestamp.from(now) : null);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO library_initiative (title, summary, kind, territory_id, organisation_id, "
                + "organisation_name, tools, started_on, ended_on, results, lessons, contact_name, contact_email, status, "
                + "author_id, source_key, created_at, updated_at, published_at) VALUES (:title, :summary, :kind, "
                + ":territory, :organisation, :organisationName, :tools, :startedOn, :endedOn, :results, :lessons, "
                + ":contactName, :contactEmail, :status, :author, :source, :now, :now, :published)", params, keys,
                new String[] {"id"});
        long id = keys.getKey().longValue();
        writeTags(id, draft.tags());
        return id;
    }

    void update(long id, InitiativeDraft draft, Instant now) {
        jdbc.update("UPDATE library_initiative SET title = :title, summary = :summary, kind = :kind, territory_id = "
                + ":territory, organisation_id = :organisation, organisation_name = :organisationName, tools = :tools, "
                + "started_on = :startedOn, ended_on = :endedOn, results = :results, lessons = :lessons, contact_name = "
                + ":contactName, contact_email = :contactEmail, updated_at = :now WHERE id = :id",
                params(draft, now).addValue("id", id));
        jdbc.update("DELETE FROM library_initiative_tag WHERE initiative_id = :id", new MapSqlParameterSource("id", id));
        writeTags(id, draft.tags());
    }

    /** Publishes (keeping the first publication date when it was published before) or refuses. */
    boolean decide(long id, InitiativeStatus status, String reason, long by, Instant now) {
        return jdbc.update("UPDATE library_initiative SET status = :status, refusal_reason = :reason, reviewed_by = :by, "
                + "reviewed_at = :now, updated_at = :now, published_at = " + (status == InitiativeStatus.PUBLISHED
                ? "COALESCE(published_at, :now)" : "NULL") + " WHERE id = :id AND status <> :status",
                new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("reason", reason)
                        .addValue("by", by).addValue("now", Timestamp.from(now))) == 1;
    }

    Optional<InitiativeView> find(long id) {
        return withTags(jdbc.query("SELECT * FROM library_initiative WHERE id = :id", new MapSqlParameterSource("id", id),
                Initiatives::row)).stream().findFirst();
    }

    Optional<InitiativeView> findBySource(String sourceKey) {
        return withTags(jdbc.query("SELECT * FROM library_initiative WHERE source_key = :source",
                new MapSqlParameterSource("source", sourceKey), Initiatives::row)).stream().findFirst();
    }

    List<InitiativeView> withStatus(InitiativeStatus status) {
        return withTags(jdbc.query("SELECT * FROM library_initiative WHERE status = :status ORDER BY created_at, id",
                new MapSqlParameterSource("status", status.name()), Initiatives::row));
    }

    List<InitiativeView> byAuthor(long authorId) {
        return withTags(jdbc.query("SELECT * FROM library_initiative WHERE author_id = :author ORDER BY created_at DESC, id "
                + "DESC", new MapSqlParameterSource("author", authorId), Initiatives::row));
    }

    /**
     * Published initiatives, newest first, in these territories (null: anywhere), of this kind and with this tag (null:
     * any) whose text holds every word of {@code words} (ignoring case; accents are left to the caller's ranking).
     */
    List<InitiativeView> published(Collection<Long> territories, InitiativeKind kind, String tag, List<String> words) {
        StringBuilder sql = new StringBuilder("SELECT * FROM library_initiative i WHERE status = 'PUBLISHED'");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (territories != null) {
            sql.append(" AND territory_id IN (:territories)");
            params.addValue("territories", territories.isEmpty() ? List.of(-1L) : territories);
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.addValue("kind", kind.name());
        }
        if (tag != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM library_initiative_tag t WHERE t.initiative_id = i.id AND t.tag = :tag)");
            params.addValue("tag", tag);
        }
        for (int index = 0; index < words.size(); index++) {
            String word = ":w" + index;
            sql.append(" AND (");
            for (String column : new String[] {"title", "summary", "tools", "results", "lessons",
                    "COALESCE(organisation_name, '')"}) {
                sql.append(Matches.folded(column)).append(" LIKE ").append(word).append(" OR ");
            }
            sql.append("EXISTS (SELECT 1 FROM library_initiative_tag t WHERE t.initiative_id = i.id AND ")
                    .append(Matches.folded("t.tag")).append(" LIKE ").append(word).append("))");
            params.addValue("w" + index, "%" + like(words.get(index)) + "%");
        }
        sql.append(" ORDER BY published_at DESC, id DESC");
        return withTags(jdbc.query(sql.toString(), params, Initiatives::row));
    }

    List<InitiativeView> publishedSince(Instant since, int limit) {
        return withTags(jdbc.query("SELECT * FROM library_initiative WHERE status = 'PUBLISHED' AND published_at >= :since "
                + "ORDER BY published_at DESC, id DESC LIMIT :limit", new MapSqlParameterSource("since",
                Timestamp.from(since)).addValue("limit", limit), Initiatives::row));
    }

    /** Tag → how many published initiatives carry it, most used first. */
    List<Map.Entry<String, Long>> publishedTags() {
        return jdbc.query("SELECT t.tag, COUNT(*) FROM library_initiative_tag t JOIN library_initiative i ON i.id = "
                + "t.initiative_id WHERE i.status = 'PUBLISHED' GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag",
                new MapSqlParameterSource(), (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)));
    }

    // ----- Files -----

    record FileInfo(long id, String fileName, String contentType, String altText, int size) {

        public boolean image() {
            return contentType.startsWith("image/");
        }

        public long kilobytes() {
            return Math.max(1, Math.round(size / 1024.0));
        }
    }

    record StoredFile(String fileName, String contentType, byte[] data) {
    }

    void attach(long initiativeId, String contentType, String fileName, String altText, byte[] data, Instant now) {
        jdbc.update("INSERT INTO library_initiative_file (initiative_id, content_type, file_name, alt_text, size_bytes, "
                + "data, added_at) VALUES (:initiative, :type, :name, :alt, :size, :data, :now)",
                new MapSqlParameterSource("initiative", initiativeId).addValue("type", contentType)
                        .addValue("name", fileName).addValue("alt", altText).addValue("size", data.length)
                        .addValue("data", data).addValue("now", Timestamp.from(now)));
    }

    List<FileInfo> files(long initiativeId) {
        return jdbc.query("SELECT id, file_name, content_type, alt_text, size_bytes FROM library_initiative_file WHERE "
                + "initiative_id = :initiative ORDER BY id", new MapSqlParameterSource("initiative", initiativeId),
                (rs, row) -> new FileInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
    }

    Optional<StoredFile> file(long initiativeId, long fileId) {
        return jdbc.query("SELECT file_name, content_type, data FROM library_initiative_file WHERE id = :id AND "
                + "initiative_id = :initiative", new MapSqlParameterSource("id", fileId).addValue("initiative", initiativeId),
                (rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).stream().findFirst();
    }

    void removeFile(long initiativeId, long fileId) {
        jdbc.update("DELETE FROM library_initiative_file WHERE id = :id AND initiative_id = :initiative",
                new MapSqlParameterSource("id", fileId).addValue("initiative", initiativeId));
    }

    // ----- Mapping -----

    static String like(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void writeTags(long id, List<String> tags) {
        for (String tag : tags) {
            jdbc.update("INSERT INTO library_initiative_tag (initiative_id, tag) VALUES (:id, :tag)",
                    new MapSqlParameterSource("id", id).addValue("tag", tag));
        }
    }

    private List<InitiativeView> withTags(List<InitiativeView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query("SELECT initiative_id, tag FROM library_initiative_tag WHERE initiative_id IN (:ids) ORDER BY tag",
                new MapSqlParameterSource("ids", rows.stream().map(InitiativeView::id).toList()),
                rs -> {
                    tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(view -> new InitiativeView(view.id(), view.title(), view.summary(), view.kind(),
                view.territoryId(), view.organisationId(), view.organisationName(), view.tools(), view.startedOn(),
                view.endedOn(), view.results(), view.lessons(), view.contactName(), view.contactEmail(), view.status(),
                view.authorId(), view.sourceKey(), view.refusalReason(), view.createdAt(), view.updatedAt(),
                view.publishedAt(), List.copyOf(tags.getOrDefault(view.id(), List.of())))).toList();
    }

    private static MapSqlParameterSource params(InitiativeDraft draft, Instant now) {
        return new MapSqlParameterSource("title", draft.title()).addValue("summary", draft.summary())
                .addValue("kind", draft.kind().name()).addValue("territory", draft.territoryId())
                .addValue("organisation", draft.organisationId())
                .addValue("organisationName", draft.organisationName().isEmpty() ? null : draft.organisationName())
                .addValue("tools", draft.tools()).addValue("startedOn", draft.startedOn())
                .addValue("endedOn", draft.endedOn()).addValue("results", draft.results())
                .addValue("lessons", draft.lessons()).addValue("contactName", draft.contactName())
                .addValue("contactEmail", draft.contactEmail()).addValue("now", Timestamp.from(now));
    }

    private static InitiativeView row(ResultSet rs, int row) throws SQLException {
        return new InitiativeView(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                InitiativeKind.valueOf(rs.getString("kind")), rs.getLong("territory_id"),
                (Long) rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"), rs.getString("tools"),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("results"), rs.getString("lessons"), rs.getString("contact_name"),
                rs.getString("contact_email"), InitiativeStatus.valueOf(rs.getString("status")),
                rs.getObject("author_id", Long.class), rs.getString("source_key"), rs.getString("refusal_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
