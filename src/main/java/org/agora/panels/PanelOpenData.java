package org.agora.panels;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public panels and their draws: what anyone needs to re-run a draw from the published lottery (its SHA-256, the
 * seed, the index drawn), never a volunteer's name, email, address or answers. A handful of rows: one query.
 */
@Component
class PanelOpenData implements OpenDataset {

    private final JdbcClient jdbc;
    private final TerritoryDirectory territories;

    PanelOpenData(JdbcClient jdbc, TerritoryDirectory territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public String name() {
        return "panels";
    }

    @Override
    public String titleKey() {
        return "panels.opendata";
    }

    @Override
    public List<Column> columns() {
        return List.of(
                new Column("slug", Type.STRING, "panels.opendata.slug"),
                new Column("name", Type.STRING, "panels.opendata.name"),
                new Column("territory_code", Type.STRING, "panels.opendata.territoryCode"),
                new Column("territory_name", Type.STRING, "panels.opendata.territoryName"),
                new Column("size", Type.INTEGER, "panels.opendata.size"),
                new Column("status", Type.STRING, "panels.opendata.status"),
                new Column("recruitment_opens_at", Type.DATETIME, "panels.opendata.recruitmentOpensAt"),
                new Column("recruitment_closes_at", Type.DATETIME, "panels.opendata.recruitmentClosesAt"),
                new Column("lottery_panels", Type.INTEGER, "panels.opendata.lotterySize"),
                new Column("lottery_sha256", Type.STRING, "panels.opendata.lotterySha256"),
                new Column("lottery_published_at", Type.DATETIME, "panels.opendata.lotteryPublishedAt"),
                new Column("draw_seed", Type.STRING, "panels.opendata.drawSeed"),
                new Column("draw_index", Type.INTEGER, "panels.opendata.drawIndex"),
                new Column("drawn_at", Type.DATETIME, "panels.opendata.drawnAt"),
                new Column("path", Type.STRING, "panels.opendata.path"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        jdbc.sql("SELECT slug, name, territory_id, size_k, status, recruitment_opens_at, recruitment_closes_at, lottery_size, "
                        + "lottery_sha256, lottery_published_at, draw_seed, draw_index, drawn_at FROM panel "
                        + "WHERE status <> 'DRAFT' ORDER BY id")
                .query((rs, index) -> {
                    Optional<TerritoryView> place = territories.find(rs.getLong("territory_id"));
                    boolean lotteryPublic = rs.getObject("lottery_published_at") != null;
                    boolean drawn = rs.getObject("drawn_at") != null;
                    return new Object[] {rs.getString("slug"), rs.getString("name"), place.map(TerritoryView::code).orElse(null),
                            place.map(TerritoryView::name).orElse(null), rs.getLong("size_k"),
                            rs.getString("status").toLowerCase(Locale.ROOT),
                            instant(rs.getObject("recruitment_opens_at", OffsetDateTime.class)),
                            instant(rs.getObject("recruitment_closes_at", OffsetDateTime.class)),
                            lotteryPublic ? rs.getObject("lottery_size", Long.class) : null,
                            lotteryPublic ? rs.getString("lottery_sha256") : null,
                            instant(rs.getObject("lottery_published_at", OffsetDateTime.class)),
                            drawn ? rs.getString("draw_seed") : null, drawn ? rs.getObject("draw_index", Long.class) : null,
                            instant(rs.getObject("drawn_at", OffsetDateTime.class)), "/panels/" + rs.getString("slug")};
                })
                .list()
                .forEach(row);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
