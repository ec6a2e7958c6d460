package org.agora.meetings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public meetings (published or cancelled; never drafts nor invitation-only ones) with their place down to the
 * commune and their number of confirmed registrations. No address, link or organiser name: those may name a person.
 */
@Component
class MeetingOpenData implements OpenDataset {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final TerritoryDirectory territories;

    MeetingOpenData(JdbcClient jdbc, TerritoryDirectory territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public String titleKey() {
        return "meetings.opendata";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("id", Type.INTEGER, "meetings.opendata.id"),
                new Column("kind", Type.STRING, "meetings.opendata.kind"),
                new Column("format", Type.STRING, "meetings.opendata.format"),
                new Column("title", Type.STRING, "meetings.opendata.title"),
                new Column("status", Type.STRING, "meetings.opendata.status"),
                new Column("starts_at", Type.DATETIME, "meetings.opendata.startsAt"),
                new Column("ends_at", Type.DATETIME, "meetings.opendata.endsAt"),
                new Column("process_id", Type.INTEGER, "meetings.opendata.processId"),
                new Column("territory_code", Type.STRING, "meetings.opendata.territoryCode"),
                new Column("territory_name", Type.STRING, "meetings.opendata.territoryName"),
                new Column("commune_code", Type.STRING, "meetings.opendata.communeCode"),
                new Column("commune_name", Type.STRING, "meetings.opendata.communeName"),
                new Column("registrations", Type.INTEGER, "meetings.opendata.registrations"),
                new Column("path", Type.STRING, "meetings.opendata.path"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        Map<Long, Optional<TerritoryView>> places = new HashMap<>();
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("SELECT id, kind, format, title, status, starts_at, ends_at, process_id, territory_id, "
                            + "commune_id, confirmed_count FROM meeting WHERE status <> 'DRAFT' AND NOT invitation_only "
                            + "AND id > :after ORDER BY id LIMIT " + PAGE)
                    .param("after", after)
                    .query((rs, index) -> {
                        Optional<TerritoryView> territory = places.computeIfAbsent(rs.getLong("territory_id"), territories::find);
                        Long communeId = rs.getObject("commune_id", Long.class);
                        Optional<TerritoryView> commune = communeId == null ? Optional.empty()
                                : places.computeIfAbsent(communeId, territories::find);
                        return new Object[] {rs.getLong("id"), lower(rs.getString("kind")), lower(rs.getString("format")),
                                rs.getString("title"), lower(rs.getString("status")),
                                instant(rs.getObject("starts_at", OffsetDateTime.class)),
                                instant(rs.getObject("ends_at", OffsetDateTime.class)), rs.getObject("process_id", Long.class),
                                territory.map(TerritoryView::code).orElse(null), territory.map(TerritoryView::name).orElse(null),
                                commune.map(TerritoryView::code).orElse(null), commune.map(TerritoryView::name).orElse(null),
                                rs.getLong("confirmed_count"), "/meetings/" + rs.getLong("id")};
                    })
                    .list();
            page.forEach(row);
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
