package org.agora.programmes;

import org.agora.shared.PublicPages;
import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only queries on the cyber-centre network for other modules (the figures page, the sitemap). */
@Service
@Transactional(readOnly = true)
public class CyberCentreCatalog implements PublicPages {

    private final JdbcTemplate jdbc;
    private final TerritoryDirectory territories;

    CyberCentreCatalog(JdbcTemplate jdbc, TerritoryDirectory territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    /** The whole network. */
    public CentreFigures figures() {
        return figures(null);
    }

    /** The centres located in this territory or below it (all of them when null). */
    public CentreFigures figures(Long territoryId) {
        List<long[]> rows = jdbc.query("""
                SELECT c.id, c.commune_id, CASE WHEN c.status = 'ACTIVE' THEN 1 ELSE 0 END,
                       COALESCE(SUM(r.people_accompanied), 0), COALESCE(SUM(r.sessions), 0)
                FROM cyber_centre c LEFT JOIN centre_report r ON r.centre_id = c.id AND r.status = 'SUBMITTED'
                GROUP BY c.id, c.commune_id, c.status""",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)});
        long centres = 0;
        long people = 0;
        long sessions = 0;
        for (long[] row : rows) {
            if (territoryId != null && !territories.isWithin(row[1], territoryId)) {
                continue;
            }
            centres += row[2];
            people += row[3];
            sessions += row[4];
        }
        Long training = jdbc.queryForObject("SELECT COUNT(*) FROM training_session", Long.class);
        return new CentreFigures(centres, people, sessions, territoryId == null && training != null ? training : 0);
    }

    /** The public pages of the network: its list and every centre's page. */
    public List<String> publicPaths() {
        List<String> paths = new java.util.ArrayList<>(List.of("/cyber-centres"));
        jdbc.queryForList("SELECT id FROM cyber_centre ORDER BY id", Long.class)
                .forEach(id -> paths.add("/cyber-centres/" + id));
        return paths;
    }
}
