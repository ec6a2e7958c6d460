package org.agora.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.agora.library.Initiatives.instant;
import static org.agora.library.Initiatives.like;

/** The resources' tables. */
@Repository("libraryResources")
class Resources {

    private final NamedParameterJdbcTemplate jdbc;

    Resources(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ResourceDraft draft, Long by, Instant now, Instant publishedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO library_resource (title, summary, kind, video_url, created_by, created_at, updated_at, "
                + "published_at) VALUES (:title, :summary, :kind, :video, :by, :now, :now, :published)",
                params(draft, now).addValue("by", by).addValue("published", publishedAt == null ? null
                        : Timestamp.from(publishedAt)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        writeThemes(id, draft.themes());
        return id;
    }

    void update(long id, ResourceDraft draft, Instant now) {
        jdbc.update("UPDATE library_resource SET title = :title, summary = :summary, kind = :kind, video_url = :video, "
                + "updated_at = :now WHERE id = :id", params(draft, now).addValue("id", id));
        jdbc.update("DELETE FROM library_resource_theme WHERE resource_id = :id", new MapSqlParameterSource("id", id));
        writeThemes(id, draft.themes());
    }

    void publish(long id, boolean publish, Instant now) {
        jdbc.update("UPDATE library_resource SET updated_at = :now, published_at = " + (publish
                ? "COALESCE(published_at, :now)" : "NULL") + " WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)));
    }

    Optional<ResourceView> find(long id) {
        return withThemes(jdbc.query("SELECT * FROM library_resource WHERE id = :id", new MapSqlParameterSource("id", id),
                Resources::row)).stream().findFirst();
    }

    List<ResourceView> all() {
        return withThemes(jdbc.query("SELECT * FROM library_resource ORDER BY published_at DESC NULLS FIRST, id DESC",
                new MapSqlParameterSource(), Resources::row));
    }

    /** Published resources, newest first, of this kind and theme (null: any) whose text holds every word. */
    List<ResourceView> published(ResourceKind kind, String theme, List<String> words) {
        StringBuilder sql = new StringBuilder("SELECT * FROM library_resource r WHERE published_at IS NOT NULL");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.addValue("kind", kind.name());
        }
        if (theme != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM library_resource_theme t WHERE t.resource_id = r.id AND t.theme = :theme)");
            params.addValue("theme", theme);
        }
        for (int index = 0; index < words.size(); index++) {
            String word = ":w" + index;
            sql.append(" AND (").append(Matches.folded("title")).append(" LIKE ").append(word).append(" OR ")
                    .append(Matches.folded("summary")).append(" LIKE ").append(word).append(" OR EXISTS (SELECT 1 FROM ")
                    .append("library_resource_theme t WHERE t.resource_id = r.id AND ").append(Matches.folded("t.theme"))
                    .append(" LIKE ").append(word).append("))");
            params.addValue("w" + index, "%" + like(words.get(index)) + "%");
        }
        sql.append(" ORDER BY published_at DESC, id DESC");
        return withThemes(jdbc.query(sql.toString(), params, Resources::row));
    }

    List<ResourceView> publishedSince(Instant since, int limit) {
        return withThemes(jdbc.query("SELECT * FROM library_resource WHERE published_at >= :since ORDER BY published_at "
                + "DESC, id DESC LIMIT :limit", new MapSqlParameterSource("since", Timestamp.from(since))
                .addValue("limit", limit), Resources::row));
    }

    List<Map.Entry<String, Long>> publishedThemes() {
        return jdbc.query("SELECT t.theme, COUNT(*) FROM library_resource_theme t JOIN library_resource r ON r.id = "
                + "t.resource_id WHERE r.published_at IS NOT NULL GROUP BY t.theme ORDER BY COUNT(*) DESC, t.theme",
                new MapSqlParameterSource(), (rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)));
    }

    // ----- Files -----

    record FileInfo(long id, String fileName, String contentType, int size) {

        public long kilobytes() {
            return Math.max(1, Math.round(size / 1024.0));
        }
    }

    void attach(long resourceId, String contentType, String fileName, byte[] data, Instant now) {
        jdbc.update("INSERT INTO library_resource_file (resource_id, content_type, file_name, size_bytes, data, added_at) "
                + "VALUES (:resource, :type, :name, :size, :data, :now)", new MapSqlParameterSource("resource", resourceId)
                .addValue("type", contentType).addValue("name", fileName).addValue("size", data.length)
                .addValue("data", data).addValue("now", Timestamp.from(now)));
    }

    List<FileInfo> files(long resourceId) {
        return jdbc.query("SELECT id, file_name, content_type, size_bytes FROM library_resource_file WHERE resource_id = "
                + ":resource ORDER BY id", new MapSqlParameterSource("resource", resourceId),
                (rs, row) -> new FileInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    Optional<Initiatives.StoredFile> file(long resourceId, long fileId) {
        return jdbc.query("SELECT file_name, content_type, data FROM library_resource_file WHERE id = :id AND resource_id = "
                + ":resource", new MapSqlParameterSource("id", fileId).addValue("resource", resourceId),
                (rs, row) -> new Initiatives.StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .stream().findFirst();
    }

    void removeFile(long resourceId, long fileId) {
        jdbc.update("DELETE FROM library_resource_file WHERE id = :id AND resource_id = :resource",
                new MapSqlParameterSource("id", fileId).addValue("resource", resourceId));
    }

    private void writeThemes(long id, List<String> themes) {
        for (String theme : themes) {
            jdbc.update("INSERT INTO library_resource_theme (resource_id, theme) VALUES (:id, :theme)",
                    new MapSqlParameterSource("id", id).addValue("theme", theme));
        }
    }

    private List<ResourceView> withThemes(List<ResourceView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> themes = new HashMap<>();
        jdbc.query("SELECT resource_id, theme FROM library_resource_theme WHERE resource_id IN (:ids) ORDER BY theme",
                new MapSqlParameterSource("ids", rows.stream().map(ResourceView::id).toList()),
                rs -> {
                    themes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(view -> new ResourceView(view.id(), view.title(), view.summary(), view.kind(),
                view.videoUrl(), view.createdAt(), view.updatedAt(), view.publishedAt(),
                List.copyOf(themes.getOrDefault(view.id(), List.of())))).toList();
    }

    private static MapSqlParameterSource params(ResourceDraft draft, Instant now) {
        return new MapSqlParameterSource("title", draft.title()).addValue("summary", draft.summary())
                .addValue("kind", draft.kind().name()).addValue("video", draft.videoUrl().isEmpty() ? null : draft.videoUrl())
                .addValue("now", Timestamp.from(now));
    }

    private static ResourceView row(ResultSet rs, int row) throws SQLException {
        return new ResourceView(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                ResourceKind.valueOf(rs.getString("kind")), rs.getString("video_url"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "published_at"), List.of());
    }
}
