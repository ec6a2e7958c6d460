package org.agora.accountability;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.agora.shared.OpenDataset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The strategy's work programmes ("chantiers") under their ambition and objective, with their progress. */
@Component
class WorkProgrammeOpenData implements OpenDataset {

    private final JdbcClient jdbc;

    WorkProgrammeOpenData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "work-programmes";
    }

    @Override
    public String titleKey() {
        return "accountability.opendata.programmes";
    }

    @Override
    public List<Column> columns() {
        String key = "accountability.opendata.programmes.";
        return List.of(
                new Column("id", Type.INTEGER, key + "id"),
                new Column("ambition", Type.STRING, key + "ambition"),
                new Column("objective", Type.STRING, key + "objective"),
                new Column("slug", Type.STRING, key + "slug"),
                new Column("title", Type.STRING, key + "title"),
                new Column("status", Type.STRING, key + "status"),
                new Column("progress", Type.INTEGER, key + "progress"),
                new Column("milestones", Type.INTEGER, key + "milestones"),
                new Column("milestones_reached", Type.INTEGER, key + "milestonesReached"),
                new Column("last_update_on", Type.DATE, key + "lastUpdateOn"),
                new Column("path", Type.STRING, key + "path"));
    }

    /** A strategy holds tens of programmes: one query, no paging needed. */
    @Override
    public void forEachRow(Consumer<Object[]> row) {
        jdbc.sql("SELECT w.id, a.title, o.title, w.slug, w.title, w.status, w.progress, "
                        + "(SELECT COUNT(*) FROM work_programme_milestone m WHERE m.programme_id = w.id), "
                        + "(SELECT COUNT(*) FROM work_programme_milestone m WHERE m.programme_id = w.id AND m.reached_on IS NOT NULL), "
                        + "(SELECT MAX(u.posted_on) FROM work_programme_update u WHERE u.programme_id = w.id) "
                        + "FROM work_programme w JOIN objective o ON o.id = w.objective_id JOIN ambition a ON a.id = o.ambition_id "
                        + "ORDER BY a.position, o.position, w.id")
                .query((rs, index) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6).toLowerCase(java.util.Locale.ROOT), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getObject(10, LocalDate.class), "/chantiers/" + rs.getString(4)})
                .list()
                .forEach(row);
    }
}
