package org.agora.comments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.agora.accounts.AccountId;
import org.agora.accounts.PublicAuthors;
import org.agora.shared.OpenDataset;
import org.agora.shared.ResourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published comments on resources the public may see (a comment on a draft or hidden proposal, or one hidden or
 * deleted, is left out). Authors appear as {@link PublicAuthors} names.
 */
@Component
class CommentOpenData implements OpenDataset {

    private static final int PAGE = 500;
    private static final int REMEMBERED_RESOURCES = 10_000;

    private final JdbcClient jdbc;
    private final CommentTargets targets;
    private final PublicAuthors authors;

    CommentOpenData(JdbcClient jdbc, CommentTargets targets, PublicAuthors authors) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.authors = authors;
    }

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public String titleKey() {
        return "comments.opendata";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("id", Type.INTEGER, "comments.opendata.id"),
                new Column("resource_type", Type.STRING, "comments.opendata.resourceType"),
                new Column("resource_id", Type.INTEGER, "comments.opendata.resourceId"),
                new Column("resource_path", Type.STRING, "comments.opendata.resourcePath"),
                new Column("parent_id", Type.INTEGER, "comments.opendata.parentId"),
                new Column("author", Type.STRING, "comments.opendata.author"),
                new Column("stance", Type.STRING, "comments.opendata.stance"),
                new Column("body", Type.STRING, "comments.opendata.body"),
                new Column("posted_at", Type.DATETIME, "comments.opendata.postedAt"),
                new Column("edited_at", Type.DATETIME, "comments.opendata.editedAt"));
    }

    private record Row(long id, ResourceRef resource, Long parentId, AccountId author, String stance, String body,
                       Instant postedAt, Instant editedAt) {
    }

    @Override
    public void forEachRow(Consumer<Object[]> consumer) {
        // The resources' visibility, remembered for the most recent ones only, so memory stays bounded.
        Map<ResourceRef, Optional<String>> paths = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ResourceRef, Optional<String>> eldest) {
                return size() > REMEMBERED_RESOURCES;
            }
        };
        long after = 0;
        while (true) {
            List<Row> page = jdbc.sql("SELECT id, resource_type, resource_id, parent_id, author_id, stance, body, posted_at, "
                            + "edited_at FROM resource_comment WHERE status = 'PUBLISHED' AND id > :after ORDER BY id LIMIT " + PAGE)
                    .param("after", after)
                    .query((rs, index) -> new Row(rs.getLong("id"),
                            new ResourceRef(rs.getString("resource_type"), rs.getLong("resource_id")),
                            rs.getObject("parent_id", Long.class), new AccountId(rs.getLong("author_id")),
                            rs.getString("stance").toLowerCase(java.util.Locale.ROOT), rs.getString("body"),
                            instant(rs.getObject("posted_at", OffsetDateTime.class)),
                            instant(rs.getObject("edited_at", OffsetDateTime.class))))
                    .list();
            List<Row> shown = page.stream().filter(row -> paths.computeIfAbsent(row.resource(),
                    resource -> targets.find(resource).map(CommentTargets.Found::path)).isPresent()).toList();
            if (!shown.isEmpty()) {
                Map<AccountId, String> names = authors.publicNames(shown.stream().map(Row::author).toList());
                for (Row row : shown) {
                    consumer.accept(new Object[] {row.id(), row.resource().type(), row.resource().id(),
                            paths.computeIfAbsent(row.resource(),
                                    resource -> targets.find(resource).map(CommentTargets.Found::path)).orElse(null),
                            row.parentId(), names.get(row.author()), row.stance(), row.body(), row.postedAt(), row.editedAt()});
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().id();
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
