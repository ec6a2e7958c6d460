package org.agora.proposals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only pages of the public proposals for the open data dataset (declared by accountability, which adds the
 * answers): published or withdrawn, never drafts, never a proposal moderation hides. Keyset paging in id order, so a
 * run over millions of proposals holds one page at a time.
 */
@Component
public class ProposalOpenRows {

    private final JdbcClient jdbc;

    ProposalOpenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A public proposal as open data shows it; the author is an account id for the caller to turn into a public name, null for an imported contribution (written elsewhere). */
    public record Row(ProposalId id, ProcessId processId, String reference, String title, String body, boolean withdrawn,
                      long territoryId, String theme, int supports, int comments, AccountId author, boolean paper,
                      Instant publishedAt) {
    }

    /** Hands every public proposal over, {@code size} at a time, in id order. */
    public void forEachPage(int size, Consumer<List<Row>> consumer) {
        long after = 0;
        while (true) {
            List<Row> page = jdbc.sql("SELECT id, process_id, reference, title, body, status, territory_id, theme, "
                            + "supports_count, comment_count, author_id, provenance, published_at FROM proposal "
                            + "WHERE " + ProposalBrowser.LISTED + " AND hidden_reason IS NULL AND id > :after "
                            + "ORDER BY id LIMIT " + size)
                    .param("after", after)
                    .query((rs, index) -> new Row(new ProposalId(rs.getLong("id")), new ProcessId(rs.getLong("process_id")),
                            rs.getString("reference"), rs.getString("title"), rs.getString("body"),
                            "WITHDRAWN".equals(rs.getString("status")), rs.getLong("territory_id"), rs.getString("theme"),
                            rs.getInt("supports_count"), rs.getInt("comment_count"), "IMPORTED".equals(rs.getString("provenance")) ? null : new AccountId(rs.getLong("author_id")),
                            "PAPER".equals(rs.getString("provenance")),
                            rs.getObject("published_at", OffsetDateTime.class).toInstant()))
                    .list();
            if (!page.isEmpty()) {
                consumer.accept(page);
            }
            if (page.size() < size) {
                return;
            }
            after = page.getLast().id().value();
        }
    }
}
