package org.agora.proposals;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.Clocks;
import org.agora.shared.Excerpts;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the public sees of proposals: filtered, sorted, paginated lists and each proposal's page. */
@Service
@Transactional(readOnly = true)
class ProposalBrowser implements ProposalCatalog {

    static final int PAGE_SIZE = 20;

    /** The proposals the public lists show: not drafts, not those merged into another. */
    static final String LISTED = "status IN ('PUBLISHED', 'WITHDRAWN')";

    /** A large prime: MOD(id * 7919 + seed, it) orders ids in a seeded, stable pseudo-random way, on H2 and PostgreSQL. */
    private static final long RANDOM_MODULUS = 1_000_003L;

    enum Sort {
        RECENT("published_at DESC, id DESC"), SUPPORTED("supports_count DESC, id DESC"),
        COMMENTED("comment_count DESC, id DESC"), RANDOM("MOD(id * 7919 + :seed, " + RANDOM_MODULUS + "), id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Sort> parse(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of(RECENT);
            }
            for (Sort sort : values()) {
                if (sort.param().equals(value.strip())) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    enum StatusFilter {
        PUBLISHED("status = 'PUBLISHED'"), WITHDRAWN("status = 'WITHDRAWN'"), ANSWERED("answered_at IS NOT NULL");

        private final String condition;

        StatusFilter(String condition) {
            this.condition = condition;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<StatusFilter> parse(String value) {
            for (StatusFilter status : values()) {
                if (status.param().equals(value.strip())) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    record Filter(Long territoryId, String theme, StatusFilter status, AccountId mine, Sort sort, long seed) {
    }

    record Row(long id, String reference, String title, String excerpt, String territoryName, String theme,
               ProposalStatus status, boolean answered, ZonedDateTime publishedAt, int supports, int comments,
               boolean thresholdReached, String authorName, String hiddenReason, CollectedView collected,
               ImportedRow imported) {

        /** Hidden by moderation: the row keeps its place, with the reason's category instead of title and excerpt. */
        public boolean hidden() {
            return hiddenReason != null;
        }

        public boolean withdrawn() {
            return status == ProposalStatus.WITHDRAWN;
        }
    }

    record Results(List<Row> rows, long total, int page, int totalPages) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ProcessRules processes;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final Proposals proposals;
    private final Clock clock;

    ProposalBrowser(NamedParameterJdbcTemplate jdbc, ProcessRules processes, TerritoryDirectory territories,
                    AccountManagement accounts, Proposals proposals, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.territories = territories;
        this.accounts = accounts;
        this.proposals = proposals;
        this.clock = clock;
    }

    /** One page (0-based) of the public proposals of a process. */
    Results list(ProcessSettings process, Filter filter, int page) {
        StringBuilder where = new StringBuilder("process_id = :process AND " + LISTED);
        MapSqlParameterSource params = new MapSqlParameterSource("process", process.id().value())
                .addValue("seed", filter.seed());
        if (filter.territoryId() != null) {
            where.append(" AND territory_id IN (:territories)");
            params.addValue("territories", territories.selfAndDescendants(filter.territoryId()));
        }
        if (filter.theme() != null) {
            where.append(" AND theme = :theme");
            params.addValue("theme", filter.theme());
        }
        if (filter.status() != null) {
            where.append(" AND ").append(filter.status().condition);
        }
        if (filter.mine() != null) {
            where.append(" AND author_id = :author AND provenance <> 'IMPORTED'");
            params.addValue("author", filter.mine().value());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE " + where, params, Long.class);
        params.addValue("limit", PAGE_SIZE).addValue("offset", (long) page * PAGE_SIZE);
        List<RawRow> raw = jdbc.query("SELECT id, reference, title, body, territory_id, theme, status, answered_at, "
                + "published_at, supports_count, comment_count, threshold_reached_at, author_id, hidden_reason, provenance, "
                + "collected_at_label, collected_at_path, collected_by, claimed_at, author_label, author_label_public, "
                + "(SELECT c.source_name FROM contribution_import c WHERE c.id = import_batch_id) AS import_source "
                + "FROM proposal WHERE "
                + where + " ORDER BY " + filter.sort().orderBy + " LIMIT :limit OFFSET :offset", params,
                (rs, index) -> new RawRow(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
                        rs.getString("body"), rs.getLong("territory_id"), rs.getString("theme"),
                        ProposalStatus.valueOf(rs.getString("status")), rs.getTimestamp("answered_at") != null,
                        rs.getTimestamp("published_at").toInstant().atZone(Clocks.PARIS), rs.getInt("supports_count"),
                        rs.getInt("comment_count"), rs.getTimestamp("threshold_reached_at") != null,
                        rs.getLong("author_id"), rs.getString("hidden_reason"),
                        "PAPER".equals(rs.getString("provenance")) ? new RawCollection(rs.getString("collected_at_label"),
                                rs.getString("collected_at_path"), rs.getLong("collected_by"),
                                rs.getTimestamp("claimed_at") != null) : null,
                        "IMPORTED".equals(rs.getString("provenance")) ? new ImportedRow(rs.getString("import_source"),
                                rs.getBoolean("author_label_public") ? rs.getString("author_label") : null) : null));
        Map<AccountId, Optional<String>> names = accounts.pseudonyms(raw.stream()
                .flatMap(row -> row.collection() == null ? java.util.stream.Stream.of(row.authorId())
                        : java.util.stream.Stream.of(row.authorId(), row.collection().collectorId()))
                .map(AccountId::new).collect(java.util.stream.Collectors.toSet()));
        List<Row> rows = raw.stream().map(row -> new Row(row.id(), row.reference(),
                row.hiddenReason() == null ? row.title() : null, row.hiddenReason() == null ? excerpt(row.body()) : null,
                territoryName(row.territoryId()), row.theme(), row.status(), row.answered(), row.publishedAt(),
                row.supports(), row.comments(), row.thresholdReached(),
                names.getOrDefault(new AccountId(row.authorId()), Optional.empty()).orElse(null), row.hiddenReason(),
                row.collection() == null ? null : new CollectedView(row.collection().label(), row.collection().path(),
                        names.getOrDefault(new AccountId(row.collection().collectorId()), Optional.empty()).orElse(null),
                        row.collection().claimed()), row.imported())).toList();
        int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Results(rows, total, page, totalPages);
    }

    /** The territories a proposal of this process may concern, tree-ordered: the scope, its départements and living areas. */
    List<TerritoryView> territoryChoices(ProcessSettings process) {
        List<TerritoryView> choices = new ArrayList<>();
        territories.scopes().stream().filter(scope -> territories.isWithin(scope.id(), process.territoryId()))
                .forEach(choices::add);
        return choices;
    }

    /** A public (published, withdrawn or merged) proposal of this process. */
    Optional<Proposal> find(ProcessSettings process, String reference) {
        return proposals.findByReference(reference)
                .filter(proposal -> proposal.processId() == process.id().value() && proposal.isPublic());
    }

    Optional<Proposal> findById(long id) {
        return proposals.findById(id);
    }

    Optional<String> authorName(long authorId) {
        return accounts.pseudonyms(Set.of(new AccountId(authorId))).getOrDefault(new AccountId(authorId), Optional.empty());
    }

    String territoryName(long territoryId) {
        return territories.find(territoryId).map(TerritoryView::label).orElse("—");
    }

    /** Every public list and proposal page, for the sitemap. */
    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>();
        for (String slug : processes.publicSlugsWith(ProcessFeature.PROPOSALS)) {
            paths.add("/processes/" + slug + "/proposals");
            processes.bySlug(slug).ifPresent(process -> jdbc.queryForList(
                    "SELECT reference FROM proposal WHERE process_id = :process AND " + LISTED + " ORDER BY id",
                    new MapSqlParameterSource("process", process.id().value()), String.class)
                    .forEach(reference -> paths.add("/processes/" + slug + "/proposals/" + reference)));
        }
        return paths;
    }

    @Override
    public Optional<PublicProposal> findPublic(ProposalId id) {
        return proposals.findById(id.value()).filter(Proposal::isListed)
                .flatMap(proposal -> processes.byId(new ProcessId(proposal.processId()))
                        .map(process -> publicView(proposal, process.slug())));
    }

    @Override
    public List<AccountId> supporters(ProposalId id) {
        return jdbc.queryForList("SELECT account_id FROM proposal_support WHERE proposal_id = :proposal ORDER BY id",
                new MapSqlParameterSource("proposal", id.value()), Long.class).stream().map(AccountId::new).toList();
    }

    @Override
    public Optional<String> referenceOf(ProposalId id) {
        return proposals.findById(id.value()).filter(Proposal::isPublic).map(Proposal::reference);
    }

    @Override
    public Map<ProposalId, Figures> figures(ProcessId process) {
        Map<ProposalId, Figures> figures = new HashMap<>();
        jdbc.query("SELECT id, supports_count, comment_count FROM proposal WHERE process_id = :process AND " + LISTED,
                new MapSqlParameterSource("process", process.value()), rs -> {
                    figures.put(new ProposalId(rs.getLong("id")),
                            new Figures(rs.getInt("supports_count"), rs.getInt("comment_count")));
                });
        return figures;
    }

    @Override
    public Map<Long, Provenance> provenanceByTerritory(ProcessId process) {
        Map<Long, Provenance> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT territory_id, SUM(CASE WHEN provenance = 'PAPER' THEN 1 ELSE 0 END) AS paper, "
                        + "SUM(CASE WHEN provenance = 'ONLINE' THEN 1 ELSE 0 END) AS online, "
                        + "SUM(CASE WHEN provenance = 'IMPORTED' THEN 1 ELSE 0 END) AS imported FROM proposal "
                        + "WHERE process_id = :process AND " + LISTED + " GROUP BY territory_id",
                new MapSqlParameterSource("process", process.value()), rs -> {
                    counts.put(rs.getLong("territory_id"), new Provenance(rs.getLong("paper"), rs.getLong("online"),
                            rs.getLong("imported")));
                });
        return counts;
    }

    @Override
    public List<PublicProposal> collectedAt(org.agora.shared.ResourceRef where) {
        List<PublicProposal> found = new ArrayList<>();
        jdbc.queryForList("SELECT id FROM proposal WHERE collected_at_ref = :ref AND " + LISTED + " ORDER BY published_at, id",
                        new MapSqlParameterSource("ref", where.toString()), Long.class)
                .forEach(id -> findPublic(new ProposalId(id)).ifPresent(found::add));
        return found;
    }

    @Override
    public List<PublicProposal> imported(ContributionImportId batch) {
        List<PublicProposal> found = new ArrayList<>();
        Map<Long, Optional<String>> slugs = new HashMap<>();
        for (Proposal proposal : proposals.findByImportBatchIdOrderById(batch.value())) {
            if (proposal.isListed()) {
                slugs.computeIfAbsent(proposal.processId(),
                                processId -> processes.byId(new ProcessId(processId)).map(ProcessSettings::slug))
                        .ifPresent(slug -> found.add(publicView(proposal, slug)));
            }
        }
        return found;
    }

    /** Where an imported proposal comes from, as its page shows it; null for any other proposal. */
    ImportedView importedView(Proposal proposal) {
        if (proposal.provenance() != Proposal.Provenance.IMPORTED || proposal.importBatchId() == null) {
            return null;
        }
        return jdbc.query("SELECT source_name, imported_at FROM contribution_import WHERE id = :batch",
                new MapSqlParameterSource("batch", proposal.importBatchId()),
                (rs, index) -> new ImportedView(rs.getString("source_name"),
                        rs.getTimestamp("imported_at").toInstant().atZone(Clocks.PARIS),
                        proposal.importLine() == null ? 0 : proposal.importLine(), proposal.originalDate(),
                        proposal.authorLabelPublic() ? proposal.authorLabel() : null, proposal.sourceUrl()))
                .stream().findFirst().orElse(null);
    }

    @Override
    public List<PublicProposal> allPublic() {
        Map<Long, Optional<String>> slugs = new HashMap<>();
        List<PublicProposal> all = new ArrayList<>();
        for (Proposal proposal : proposals.findByStatusIn(List.of(ProposalStatus.PUBLISHED, ProposalStatus.WITHDRAWN))) {
            slugs.computeIfAbsent(proposal.processId(),
                            processId -> processes.byId(new ProcessId(processId)).map(ProcessSettings::slug))
                    .ifPresent(slug -> all.add(publicView(proposal, slug)));
        }
        all.sort(java.util.Comparator.comparing(PublicProposal::publishedAt).thenComparing(PublicProposal::reference));
        return all;
    }

    private static PublicProposal publicView(Proposal proposal, String slug) {
        return new PublicProposal(proposal.proposalId(), new ProcessId(proposal.processId()),
                new AccountId(proposal.authorId()), proposal.reference(),
                proposal.title(), proposal.body(), proposal.territoryId(), proposal.theme(),
                proposal.status() == ProposalStatus.WITHDRAWN, proposal.answeredAt() != null, proposal.isHidden(),
                proposal.publishedAt(), "/processes/" + slug + "/proposals/" + proposal.reference(), collected(proposal));
    }

    static PublicProposal.Collected collected(Proposal proposal) {
        return proposal.provenance() != Proposal.Provenance.PAPER ? null : new PublicProposal.Collected(
                proposal.collectedAtLabel(), proposal.collectedAtPath(), new AccountId(proposal.collectedBy()),
                proposal.claimedAt() != null);
    }

    static String excerpt(String body) {
        return Excerpts.of(body, 240);
    }

    private record RawRow(long id, String reference, String title, String body, long territoryId, String theme,
                          ProposalStatus status, boolean answered, ZonedDateTime publishedAt, int supports,
                          int comments, boolean thresholdReached, long authorId, String hiddenReason,
                          RawCollection collection, ImportedRow imported) {
    }

    /** An imported proposal in a list: the source it was imported from, and its author as named there if public. */
    record ImportedRow(String source, String authorLabel) {
    }

    private record RawCollection(String label, String path, long collectorId, boolean claimed) {
    }

    /** Where and by whom a paper proposal was collected, as its page shows it; null for an online proposal. */
    CollectedView collectedView(Proposal proposal) {
        return proposal.provenance() != Proposal.Provenance.PAPER ? null : new CollectedView(proposal.collectedAtLabel(),
                proposal.collectedAtPath(), authorName(proposal.collectedBy()).orElse(null), proposal.claimedAt() != null);
    }
}
