package org.agora.accountability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.agora.accounts.AccountId;
import org.agora.accounts.PublicAuthors;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.proposals.ProposalOpenRows;
import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public proposals of the public processes with their counts, territory and, once published, their answer and
 * destination. Declared here rather than in proposals because answers and destinations are accountability's. Authors
 * appear as {@link PublicAuthors} names: a pseudonymous id unless they chose to show their pseudonym.
 */
@Component
class ProposalOpenData implements OpenDataset {

    private static final int PAGE = 500;

    private final ProposalOpenRows proposals;
    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;
    private final PublicAuthors authors;
    private final JdbcClient jdbc;

    ProposalOpenData(ProposalOpenRows proposals, ProcessCatalog processes, TerritoryDirectory territories,
                     PublicAuthors authors, JdbcClient jdbc) {
        this.proposals = proposals;
        this.processes = processes;
        this.territories = territories;
        this.authors = authors;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "proposals";
    }

    @Override
    public String titleKey() {
        return "accountability.opendata.proposals";
    }

    @Override
    public List<Column> columns() {
        String key = "accountability.opendata.proposals.";
        return List.of(
                new Column("id", Type.INTEGER, key + "id"),
                new Column("reference", Type.STRING, key + "reference"),
                new Column("process", Type.STRING, key + "process"),
                new Column("title", Type.STRING, key + "title"),
                new Column("body", Type.STRING, key + "body"),
                new Column("status", Type.STRING, key + "status"),
                new Column("theme", Type.STRING, key + "theme"),
                new Column("territory_code", Type.STRING, key + "territoryCode"),
                new Column("territory_name", Type.STRING, key + "territoryName"),
                new Column("supports", Type.INTEGER, key + "supports"),
                new Column("comments", Type.INTEGER, key + "comments"),
                new Column("author", Type.STRING, key + "author"),
                new Column("paper", Type.BOOLEAN, key + "paper"),
                new Column("published_at", Type.DATETIME, key + "publishedAt"),
                new Column("destination", Type.STRING, key + "destination"),
                new Column("answer", Type.STRING, key + "answer"),
                new Column("answered_at", Type.DATETIME, key + "answeredAt"),
                new Column("path", Type.STRING, key + "path"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        Map<Long, Optional<PublicProcess>> publicProcesses = new HashMap<>();
        Map<Long, Optional<TerritoryView>> places = new HashMap<>();
        proposals.forEachPage(PAGE, page -> {
            List<ProposalOpenRows.Row> shown = page.stream()
                    .filter(proposal -> publicProcesses.computeIfAbsent(proposal.processId().value(),
                            id -> processes.findPublic(new ProcessId(id))).isPresent())
                    .toList();
            if (shown.isEmpty()) {
                return;
            }
            Map<AccountId, String> names = authors.publicNames(shown.stream().map(ProposalOpenRows.Row::author).toList());
            Map<Long, Answer> answers = answers(shown.stream().map(proposal -> proposal.id().value()).toList());
            for (ProposalOpenRows.Row proposal : shown) {
                PublicProcess process = publicProcesses.get(proposal.processId().value()).orElseThrow();
                Optional<TerritoryView> place = places.computeIfAbsent(proposal.territoryId(), territories::find);
                Answer answer = answers.get(proposal.id().value());
                String status = proposal.withdrawn() ? "withdrawn" : answer != null ? "answered" : "published";
                row.accept(new Object[] {proposal.id().value(), proposal.reference(), process.slug(), proposal.title(),
                        proposal.body(), status, proposal.theme(), place.map(TerritoryView::code).orElse(null),
                        place.map(TerritoryView::name).orElse(null), proposal.supports(), proposal.comments(),
                        names.get(proposal.author()), proposal.paper(), proposal.publishedAt(),
                        answer == null ? null : answer.destination(), answer == null ? null : answer.text(),
                        answer == null ? null : answer.publishedAt(),
                        process.path() + "/proposals/" + proposal.reference()});
            }
        });
    }

    private record Answer(String destination, String text, Instant publishedAt) {
    }

    /** The published answers of these proposals, by proposal id. */
    private Map<Long, Answer> answers(List<Long> proposalIds) {
        Map<Long, Answer> answers = new HashMap<>();
        jdbc.sql("SELECT e.proposal_id, d.label_fr, e.answer_text, e.published_at FROM evaluation e "
                        + "LEFT JOIN destination d ON d.id = e.destination_id "
                        + "WHERE e.state = 'PUBLISHED' AND e.proposal_id IN (:ids)")
                .param("ids", proposalIds)
                .query((rs, index) -> answers.put(rs.getLong(1), new Answer(rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)))))
                .list();
        return answers;
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
