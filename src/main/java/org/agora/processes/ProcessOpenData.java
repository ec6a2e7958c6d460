package org.agora.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The public processes (published or closed, never drafts) as open data. */
@Component
class ProcessOpenData implements OpenDataset {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final TerritoryDirectory territories;

    ProcessOpenData(JdbcClient jdbc, TerritoryDirectory territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public String titleKey() {
        return "processes.opendata";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("id", Type.INTEGER, "processes.opendata.id"),
                new Column("slug", Type.STRING, "processes.opendata.slug"),
                new Column("title", Type.STRING, "processes.opendata.title"),
                new Column("summary", Type.STRING, "processes.opendata.summary"),
                new Column("status", Type.STRING, "processes.opendata.status"),
                new Column("territory_code", Type.STRING, "processes.opendata.territoryCode"),
                new Column("territory_name", Type.STRING, "processes.opendata.territoryName"),
                new Column("starts_on", Type.DATE, "processes.opendata.startsOn"),
                new Column("ends_on", Type.DATE, "processes.opendata.endsOn"),
                new Column("published_at", Type.DATETIME, "processes.opendata.publishedAt"),
                new Column("closed_at", Type.DATETIME, "processes.opendata.closedAt"),
                new Column("path", Type.STRING, "processes.opendata.path"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        Map<Long, Optional<TerritoryView>> places = new HashMap<>();
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("SELECT id, slug, title, summary, status, territory_id, starts_on, ends_on, "
                            + "published_at, closed_at FROM participatory_process WHERE status <> 'DRAFT' AND id > :after "
                            + "ORDER BY id LIMIT " + PAGE)
                    .param("after", after)
                    .query((rs, index) -> {
                        Optional<TerritoryView> place = places.computeIfAbsent(rs.getLong("territory_id"), territories::find);
                        return new Object[] {rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                                rs.getString("summary"), rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                                place.map(TerritoryView::code).orElse(null), place.map(TerritoryView::name).orElse(null),
                                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                                instant(rs.getObject("published_at", OffsetDateTime.class)),
                                instant(rs.getObject("closed_at", OffsetDateTime.class)),
                                "/processes/" + rs.getString("slug")};
                    })
                    .list();
            page.forEach(row);
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
