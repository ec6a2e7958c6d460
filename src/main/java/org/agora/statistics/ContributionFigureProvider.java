package org.agora.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.territories.TerritoryDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contributors and contributions by kind, and contributions per month, read from the precomputed tables of
 * {@link FiguresProjection}: a territory counts what concerns it and everything below it.
 */
@Component
@Order(5)
class ContributionFigureProvider implements FigureProvider {

    static final List<String> KINDS = List.of("PROPOSAL_ONLINE", "PROPOSAL_PAPER", "PROPOSAL_IMPORTED", "SUPPORT", "COMMENT");

    private final JdbcTemplate jdbc;
    private final TerritoryDirectory territories;

    ContributionFigureProvider(JdbcTemplate jdbc, TerritoryDirectory territories) {
        this.jdbc = jdbc;
        this.territories = territories;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
        FiguresProjection.Where where = FiguresProjection.Where.of(scope, period, territories);
        Map<String, Long> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, 0L));
        jdbc.query("SELECT kind, SUM(contributions) AS n FROM figure_contribution_day WHERE " + where.sql()
                + " GROUP BY kind", rs -> {
            byKind.computeIfPresent(rs.getString("kind"), (kind, zero) -> {
                try {
                    return rs.getLong("n");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }, where.args());
        List<FigureBlock.Figure> figures = new ArrayList<>();
        figures.add(FigureBlock.Figure.tableOnly("statistics.contributions.contributors", contributors(scope, period, where)));
        long total = 0;
        for (var kind : byKind.entrySet()) {
            figures.add(FigureBlock.Figure.of("statistics.contributions.kind." + kind.getKey(), kind.getValue()));
            total += kind.getValue();
        }
        figures.add(FigureBlock.Figure.tableOnly("statistics.contributions.total", total));
        return Optional.of(new FigureBlock("contributions", figures));
    }

    /** Contributions per month of the period (every month from the first contribution on, zero included). */
    FigureBlock timeline(FigureScope scope, FigurePeriod period) {
        FiguresProjection.Where where = FiguresProjection.Where.of(scope, period, territories);
        Map<YearMonth, Long> months = new java.util.TreeMap<>();
        String kinds = String.join(", ", KINDS.stream().map(kind -> "'" + kind + "'").toList());
        jdbc.query("SELECT on_day, SUM(contributions) AS n FROM figure_contribution_day WHERE " + where.sql()
                + " AND kind IN (" + kinds + ") GROUP BY on_day", rs -> {
            LocalDate day = rs.getDate("on_day").toLocalDate();
            months.merge(YearMonth.from(day), rs.getLong("n"), Long::sum);
        }, where.args());
        List<FigureBlock.Figure> figures = new ArrayList<>();
        if (!months.isEmpty()) {
            YearMonth first = period.isAllTime() ? months.keySet().iterator().next() : YearMonth.from(period.from());
            YearMonth last = YearMonth.from(period.to());
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                figures.add(new FigureBlock.Figure("statistics.timeline.month", new Object[] {Date.valueOf(month.atDay(1))},
                        Long.toString(months.getOrDefault(month, 0L)), true));
            }
        }
        return new FigureBlock("timeline", figures);
    }

    /**
     * Distinct contributors: a preset period of a precomputed scope is one row of figure_contributor_total; any
     * other period or territory is counted from the daily distinct contributors.
     */
    private long contributors(FigureScope scope, FigurePeriod period, FiguresProjection.Where where) {
        FiguresProjection.Preset preset = period.projectionPreset();
        if (preset != null) {
            String key = scope.isProcess() ? "process:" + scope.processId()
                    : scope.isTerritory() ? "territory:" + scope.territoryId() : "instance";
            List<Long> total = jdbc.queryForList("SELECT t.contributors FROM figure_contributor_total t JOIN figure_refresh r "
                    + "ON r.as_of_day = ? WHERE t.scope_key = ? AND t.preset = ?", Long.class,
                    Date.valueOf(period.to()), key, preset.name());
            boolean precomputedScope = !scope.isTerritory() || jdbc.queryForObject(
                    "SELECT COUNT(*) FROM figure_territory_closure WHERE ancestor_id = ?", Long.class, scope.territoryId()) > 0;
            if (!total.isEmpty()) {
                return total.getFirst();
            }
            if (precomputedScope && !jdbc.queryForList("SELECT 1 FROM figure_refresh WHERE as_of_day = ?", Integer.class,
                    Date.valueOf(period.to())).isEmpty()) {
                return 0;
            }
        }
        return jdbc.queryForObject("SELECT COUNT(DISTINCT person_key) FROM figure_contributor_day WHERE " + where.sql(),
                Long.class, where.args());
    }
}
