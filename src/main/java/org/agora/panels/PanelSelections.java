package org.agora.panels;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.agora.panels.Panels.instant;
import static org.agora.panels.Panels.ts;

/**
 * Runs selections in a thread of the module's own, one at a time (a LEXIMIN run on a large pool takes seconds to a
 * minute and must not hold a request thread), and keeps the last run of each algorithm per panel with its status, which
 * the selection page polls (decision 0018). A run whose panel changed meanwhile is dropped: its row was deleted.
 */
@Component
class PanelSelections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PanelSelections.class);

    enum Status { RUNNING, DONE, INFEASIBLE, FAILED }

    /** A run as the page shows it; the figures are null until done, explanation and relaxation only when infeasible. */
    record Run(long id, Algorithm algorithm, Status status, Instant requestedAt, Instant finishedAt, Double seconds,
               Integer poolSize, Double minProbability, Double gini, Double shareBelow, List<String> explanation,
               List<Quota> relaxed) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "panel-selection");
        thread.setDaemon(true);
        return thread;
    });

    PanelSelections(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Records a new run (replacing the last of this algorithm) and starts it once the caller's transaction commits. */
    void request(long panelId, Instance instance, Algorithm algorithm, long seed) {
        jdbc.sql("DELETE FROM panel_selection WHERE panel_id = ? AND algorithm = ?").params(panelId, algorithm.name()).update();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO panel_selection (panel_id, algorithm, status, requested_at, pool_size) VALUES (?, ?, ?, ?, ?)")
                .params(panelId, algorithm.name(), Status.RUNNING.name(), ts(clock.instant()), instance.pool().size())
                .update(key, "id");
        long runId = key.getKey().longValue();
        Runnable start = () -> executor.submit(() -> run(runId, panelId, instance, algorithm, seed));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start.run();
                }
            });
        } else {
            start.run();
        }
    }

    private void run(long runId, long panelId, Instance instance, Algorithm algorithm, long seed) {
        try {
            SelectionResult result = algorithm == Algorithm.LEGACY ? PanelSelection.select(instance, algorithm, seed)
                    : PanelSelection.select(instance, algorithm);
            double threshold = (double) instance.k() / instance.pool().size();
            transactions.executeWithoutResult(status -> {
                int updated = jdbc.sql("UPDATE panel_selection SET status = 'DONE', finished_at = ?, seconds = ?, "
                                + "min_probability = ?, gini = ?, share_below = ?, result = ? WHERE id = ?")
                        .params(ts(clock.instant()), result.seconds(), result.minProbability(), result.gini(),
                                result.shareBelow(threshold), encode(result), runId)
                        .update();
                if (updated == 1 && algorithm == Algorithm.LEXIMIN) {
                    jdbc.sql("UPDATE panel SET status = 'SELECTED' WHERE id = ? AND status IN ('DRAFT', 'RECRUITING')")
                            .param(panelId).update();
                }
            });
        } catch (InfeasibleQuotasException infeasible) {
            transactions.executeWithoutResult(status -> jdbc.sql("UPDATE panel_selection SET status = 'INFEASIBLE', "
                            + "finished_at = ?, explanation = ?, relaxed = ? WHERE id = ?")
                    .params(ts(clock.instant()), String.join("\n", infeasible.reasons().stream().map(InfeasibilityReason::stored).toList()),
                            encodeQuotas(infeasible.relaxedQuotas()), runId)
                    .update());
        } catch (RuntimeException | Error failure) {
            log.warn("Selection {} of panel {} failed", algorithm, panelId, failure);
            transactions.executeWithoutResult(status -> jdbc.sql("UPDATE panel_selection SET status = 'FAILED', "
                            + "finished_at = ?, explanation = ? WHERE id = ?")
                    .params(ts(clock.instant()), String.valueOf(failure.getMessage()), runId)
                    .update());
        }
    }

    Optional<Run> find(long panelId, Algorithm algorithm) {
        return jdbc.sql("SELECT id, algorithm, status, requested_at, finished_at, seconds, pool_size, min_probability, gini, "
                        + "share_below, explanation, relaxed FROM panel_selection WHERE panel_id = ? AND algorithm = ?")
                .params(panelId, algorithm.name())
                .query((rs, row) -> new Run(rs.getLong(1), Algorithm.valueOf(rs.getString(2)), Status.valueOf(rs.getString(3)),
                        instant(rs, 4), instant(rs, 5), rs.getObject(6, Double.class), rs.getObject(7, Integer.class),
                        rs.getObject(8, Double.class), rs.getObject(9, Double.class), rs.getObject(10, Double.class),
                        rs.getString(11) == null ? List.of() : List.of(rs.getString(11).split("\n")),
                        decodeQuotas(rs.getString(12))))
                .optional();
    }

    /** The stored result of a finished run. */
    Optional<SelectionResult> result(long panelId, Algorithm algorithm) {
        return jdbc.sql("SELECT result FROM panel_selection WHERE panel_id = ? AND algorithm = ? AND status = 'DONE'")
                .params(panelId, algorithm.name()).query(String.class).optional()
                .map(text -> decode(algorithm, text));
    }

    void forget(long panelId) {
        jdbc.sql("DELETE FROM panel_selection WHERE panel_id = ?").param(panelId).update();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    // ----- Stored forms -----

    static String encode(SelectionResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.n()).append('\t').append(result.k()).append('\t').append(result.seconds()).append('\n');
        result.probabilities().forEach((id, p) -> text.append(p).append('\t').append(id).append('\n'));
        text.append("#panels\n");
        result.panels().forEach(panel -> text.append(panel.probability()).append('\t')
                .append(String.join(",", panel.members())).append('\n'));
        return text.toString();
    }

    static SelectionResult decode(Algorithm algorithm, String text) {
        String[] lines = text.split("\n");
        String[] head = lines[0].split("\t");
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<WeightedPanel> panels = new ArrayList<>();
        boolean inPanels = false;
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            if (line.equals("#panels")) {
                inPanels = true;
                continue;
            }
            int tab = line.indexOf('\t');
            double number = Double.parseDouble(line.substring(0, tab));
            if (inPanels) {
                panels.add(new WeightedPanel(number, Panel.split(line.substring(tab + 1))));
            } else {
                probabilities.put(line.substring(tab + 1), number);
            }
        }
        return new SelectionResult(algorithm, Integer.parseInt(head[0]), Integer.parseInt(head[1]), probabilities, panels,
                Double.parseDouble(head[2]));
    }

    static String encodeQuotas(List<Quota> quotas) {
        StringBuilder text = new StringBuilder();
        for (Quota quota : quotas) {
            text.append(quota.feature()).append('\t').append(quota.value()).append('\t').append(quota.min()).append('\t')
                    .append(quota.max()).append('\t').append(quota.minFlex() == null ? "" : quota.minFlex()).append('\t')
                    .append(quota.maxFlex() == null ? "" : quota.maxFlex()).append('\n');
        }
        return text.toString();
    }

    static List<Quota> decodeQuotas(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1))
                .map(f -> new Quota(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        f[4].isEmpty() ? null : Integer.valueOf(f[4]), f[5].isEmpty() ? null : Integer.valueOf(f[5])))
                .toList();
    }
}
