package org.agora.accountability;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.agora.shared.OpenDataset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published answers to proposals: where each proposal went (its destination) and what the institution answered.
 * Never the evaluation's internal notes, assignee or unpublished drafts. {@code proposal_id} is the proposals
 * dataset's {@code id}.
 */
@Component
class AnswerOpenData implements OpenDataset {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;

    AnswerOpenData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "answers";
    }

    @Override
    public String titleKey() {
        return "accountability.opendata.answers";
    }

    @Override
    public List<Column> columns() {
        String key = "accountability.opendata.answers.";
        return List.of(
                new Column("proposal_id", Type.INTEGER, key + "proposalId"),
                new Column("destination", Type.STRING, key + "destination"),
                new Column("destination_kind", Type.STRING, key + "destinationKind"),
                new Column("answer", Type.STRING, key + "answer"),
                new Column("reason", Type.STRING, key + "reason"),
                new Column("published_at", Type.DATETIME, key + "publishedAt"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("SELECT e.id, e.proposal_id, d.label_fr, d.kind, e.answer_text, e.reason, e.published_at "
                            + "FROM evaluation e LEFT JOIN destination d ON d.id = e.destination_id "
                            + "WHERE e.state = 'PUBLISHED' AND e.id > :after ORDER BY e.id LIMIT " + PAGE)
                    .param("after", after)
                    .query((rs, index) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4) == null ? null : rs.getString(4).toLowerCase(java.util.Locale.ROOT),
                            rs.getString(5), rs.getString(6),
                            ProposalOpenData.instant(rs.getObject(7, OffsetDateTime.class))})
                    .list();
            for (Object[] values : page) {
                row.accept(java.util.Arrays.copyOfRange(values, 1, values.length));
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }
}
