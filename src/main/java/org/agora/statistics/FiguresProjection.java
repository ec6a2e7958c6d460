package org.agora.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the figures' precomputed tables: a full, exact recompute from the features' rows in one transaction, run at
 * start-up, every {@code agora.figures.refresh-interval} and on demand. The figures pages then read a few hundred
 * summary rows instead of millions of supports. {@link #FACTS} is the one definition of a contribution and of its
 * contributor; {@link #directContributors} counts from it without the tables, so that anyone can check the tables.
 * Several nodes may run the recompute: each one replaces the tables whole in its transaction, so the last one wins
 * and every one is exact.
 */
@Component
class FiguresProjection {

    private static final Logger log = LoggerFactory.getLogger(FiguresProjection.class);

    /**
     * The Europe/Paris day of a UTC timestamp, on H2 and PostgreSQL: H2 casts a zoned timestamp to a date in the
     * session's zone, so the date is read from the text of the Paris time, the same on both.
     */
    private static String day(String column) {
        return "CAST(SUBSTRING(CAST((" + column + " AT TIME ZONE 'Europe/Paris') AS VARCHAR(40)) FROM 1 FOR 10) AS DATE)";
    }

    /**
     * Every contribution, one row each: (on_day, process_id, territory_id, kind, person_key). A proposal counts once
     * published (withdrawn ones too: they were contributed; merged ones stay counted under their own row); a comment
     * unless its author deleted it; a support while it stands; a confirmed registration to a published meeting; a
     * presence marked at a published meeting. Comments on proposals and meetings take their process and territory.
     */
    static final String FACTS = """
            SELECT %s AS on_day, p.process_id AS process_id, p.territory_id AS territory_id,
                   CASE WHEN p.provenance = 'PAPER' THEN 'PROPOSAL_PAPER' WHEN p.provenance = 'IMPORTED'
                        THEN 'PROPOSAL_IMPORTED' ELSE 'PROPOSAL_ONLINE' END AS kind,
                   CASE WHEN p.provenance = 'IMPORTED' OR (p.provenance = 'PAPER' AND p.claimed_at IS NULL)
                        THEN 'p:' || CAST(p.id AS VARCHAR(20))
                        ELSE 'a:' || CAST(p.author_id AS VARCHAR(20)) END AS person_key
              FROM proposal p WHERE p.status IN ('PUBLISHED', 'WITHDRAWN', 'MERGED') AND p.published_at IS NOT NULL
            UNION ALL
            SELECT %s, s.process_id, p.territory_id, 'SUPPORT', 'a:' || CAST(s.account_id AS VARCHAR(20))
              FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id
            UNION ALL
            SELECT %s, COALESCE(p.process_id, m.process_id, 0), COALESCE(p.territory_id, m.territory_id, 0), 'COMMENT',
                   'a:' || CAST(c.author_id AS VARCHAR(20))
              FROM resource_comment c
              LEFT JOIN proposal p ON c.resource_type = 'proposal' AND p.id = c.resource_id
              LEFT JOIN meeting m ON c.resource_type = 'meeting' AND m.id = c.resource_id
             WHERE c.status <> 'DELETED'
            UNION ALL
            SELECT %s, COALESCE(m.process_id, 0), m.territory_id, 'REGISTRATION',
                   CASE WHEN r.account_id IS NOT NULL THEN 'a:' || CAST(r.account_id AS VARCHAR(20)) ELSE 'e:' || r.email_key END
              FROM meeting_registration r JOIN meeting m ON m.id = r.meeting_id
             WHERE r.status = 'CONFIRMED' AND m.status = 'PUBLISHED'
            UNION ALL
            SELECT %s, COALESCE(m.process_id, 0), m.territory_id, 'ATTENDANCE',
                   CASE WHEN r.account_id IS NOT NULL THEN 'a:' || CAST(r.account_id AS VARCHAR(20))
                        WHEN r.id IS NOT NULL THEN 'e:' || r.email_key
                        WHEN a.person_key LIKE 'e:%%' THEN a.person_key
                        ELSE 'w:' || CAST(a.id AS VARCHAR(20)) END
              FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id
              LEFT JOIN meeting_registration r ON r.id = a.registration_id
             WHERE a.present AND m.status = 'PUBLISHED'
            """.formatted(day("p.published_at"), day("s.created_at"), day("c.posted_at"), day("r.created_at"),
            day("m.starts_at"));

    /** The period presets whose distinct contributors are counted at each recompute. */
    enum Preset { ALL, DAYS30, YEAR }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TerritoryDirectory territories;
    private final Clock clock;
    private final boolean verify;

    FiguresProjection(JdbcTemplate jdbc, TransactionTemplate transaction, TerritoryDirectory territories, Clock clock,
                      @org.springframework.beans.factory.annotation.Value("${agora.figures.verify:false}") boolean verify) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.territories = territories;
        this.clock = clock;
        this.verify = verify;
    }

    @Scheduled(fixedDelayString = "${agora.figures.refresh-interval:PT10M}", initialDelayString = "${agora.figures.refresh-initial-delay:PT20S}")
    void scheduledRecompute() {
        try {
            recompute();
            if (verify) {
                List<String> differences = verify();
                if (differences.isEmpty()) {
                    log.info("Figures verified: the precomputed instance figures equal a direct count");
                } else {
                    log.warn("Figures differ from a direct count: {}", differences);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Figures not recomputed, the previous ones stay: {}", e.toString());
        }
    }

    /** Rebuilds every figure table from the features' rows; returns how long it took. */
    long recompute() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Clocks.PARIS);
        List<TerritoryView> scopes = territories.scopes();
        List<Object[]> closure = new ArrayList<>();
        for (TerritoryView scope : scopes) {
            for (long below : territories.selfAndDescendants(scope.id())) {
                closure.add(new Object[] {below, scope.id()});
            }
        }
        transaction.executeWithoutResult(status -> {
            jdbc.update("UPDATE figure_refresh SET took_ms = took_ms WHERE id = 1");
            jdbc.update("DELETE FROM figure_territory_closure");
            jdbc.batchUpdate("INSERT INTO figure_territory_closure (territory_id, ancestor_id) VALUES (?, ?)", closure);
            jdbc.update("DELETE FROM figure_contribution_day");
            jdbc.update("INSERT INTO figure_contribution_day (on_day, process_id, territory_id, kind, contributions) "
                    + "SELECT on_day, process_id, territory_id, kind, COUNT(*) FROM (" + FACTS + ") f "
                    + "GROUP BY on_day, process_id, territory_id, kind");
            jdbc.update("DELETE FROM figure_contributor_day");
            jdbc.update("INSERT INTO figure_contributor_day (on_day, process_id, territory_id, person_key) "
                    + "SELECT DISTINCT on_day, process_id, territory_id, person_key FROM (" + FACTS + ") f");
            jdbc.update("DELETE FROM figure_contributor_total");
            for (Preset preset : Preset.values()) {
                Date from = Date.valueOf(start(preset, today));
                Date to = Date.valueOf(today);
                jdbc.update("INSERT INTO figure_contributor_total (scope_key, preset, contributors) "
                        + "SELECT 'instance', ?, COUNT(DISTINCT person_key) FROM figure_contributor_day WHERE on_day BETWEEN ? AND ?",
                        preset.name(), from, to);
                jdbc.update("INSERT INTO figure_contributor_total (scope_key, preset, contributors) "
                        + "SELECT 'process:' || CAST(process_id AS VARCHAR(20)), ?, COUNT(DISTINCT person_key) "
                        + "FROM figure_contributor_day WHERE on_day BETWEEN ? AND ? AND process_id <> 0 GROUP BY process_id",
                        preset.name(), from, to);
                jdbc.update("INSERT INTO figure_contributor_total (scope_key, preset, contributors) "
                        + "SELECT 'territory:' || CAST(t.ancestor_id AS VARCHAR(20)), ?, COUNT(DISTINCT c.person_key) "
                        + "FROM figure_contributor_day c JOIN figure_territory_closure t ON t.territory_id = c.territory_id "
                        + "WHERE c.on_day BETWEEN ? AND ? GROUP BY t.ancestor_id", preset.name(), from, to);
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            jdbc.update("UPDATE figure_refresh SET refreshed_at = ?, as_of_day = ?, took_ms = ? WHERE id = 1",
                    Timestamp.from(now), Date.valueOf(today), took);
        });
        long took = (System.nanoTime() - started) / 1_000_000;
        log.info("Figures recomputed in {} ms", took);
        return took;
    }

    /** The first day of a preset period ending {@code today}; ALL starts at the epoch. */
    static LocalDate start(Preset preset, LocalDate today) {
        return switch (preset) {
            case ALL -> LocalDate.of(1970, 1, 1);
            case DAYS30 -> today.minusDays(29);
            case YEAR -> today.withDayOfYear(1);
        };
    }

    /**
     * Compares the precomputed figures of the instance over all time with a direct count of the features' rows (the
     * same transaction for both, so that nothing changes in between); returns the differences, none when they match.
     * Costs as much as a recompute: run on demand ({@code agora.figures.verify=true}).
     */
    List<String> verify() {
        return transaction.execute(status -> {
            List<String> differences = new ArrayList<>();
            Date asOf = jdbc.queryForObject("SELECT as_of_day FROM figure_refresh WHERE id = 1", Date.class);
            FigurePeriod all = FigurePeriod.allTime(asOf.toLocalDate());
            Long precomputed = jdbc.queryForObject("SELECT contributors FROM figure_contributor_total "
                    + "WHERE scope_key = 'instance' AND preset = 'ALL'", Long.class);
            long direct = directContributors(FigureScope.instance(), all);
            if (precomputed != direct) {
                differences.add("contributors " + precomputed + " <> " + direct);
            }
            for (String kind : List.of("PROPOSAL_ONLINE", "PROPOSAL_PAPER", "PROPOSAL_IMPORTED", "SUPPORT", "COMMENT", "REGISTRATION", "ATTENDANCE")) {
                long summed = jdbc.queryForObject("SELECT COALESCE(SUM(contributions), 0) FROM figure_contribution_day "
                        + "WHERE kind = ? AND on_day <= ?", Long.class, kind, asOf);
                long counted = directContributions(FigureScope.instance(), all, kind);
                if (summed != counted) {
                    differences.add(kind + " " + summed + " <> " + counted);
                }
            }
            return differences;
        });
    }

    /** Distinct contributors of a scope and period, counted straight from the features' rows (checks, tests). */
    long directContributors(FigureScope scope, FigurePeriod period) {
        Where where = Where.of(scope, period, territories);
        return jdbc.queryForObject("SELECT COUNT(DISTINCT person_key) FROM (" + FACTS + ") f WHERE " + where.sql(),
                Long.class, where.args());
    }

    /** Contributions of one kind of a scope and period, counted straight from the features' rows (checks, tests). */
    long directContributions(FigureScope scope, FigurePeriod period, String kind) {
        Where where = Where.of(scope, period, territories);
        List<Object> args = new ArrayList<>(List.of(where.args()));
        args.add(kind);
        return jdbc.queryForObject("SELECT COUNT(*) FROM (" + FACTS + ") f WHERE " + where.sql() + " AND kind = ?",
                Long.class, args.toArray());
    }

    /** A WHERE clause on (on_day, process_id, territory_id) for a scope and a period, with its arguments. */
    record Where(String sql, Object[] args) {

        static Where of(FigureScope scope, FigurePeriod period, TerritoryDirectory territories) {
            StringBuilder sql = new StringBuilder("on_day BETWEEN ? AND ?");
            List<Object> args = new ArrayList<>(List.of(Date.valueOf(period.from()), Date.valueOf(period.to())));
            if (scope.isProcess()) {
                sql.append(" AND process_id = ?");
                args.add(scope.processId());
            }
            if (scope.isTerritory()) {
                List<Long> within = List.copyOf(territories.selfAndDescendants(scope.territoryId()));
                sql.append(" AND territory_id IN (").append(String.join(", ", java.util.Collections.nCopies(within.size(), "?"))).append(')');
                args.addAll(within);
            }
            return new Where(sql.toString(), args.toArray());
        }
    }
}
