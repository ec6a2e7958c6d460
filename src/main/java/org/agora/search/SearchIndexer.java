package org.agora.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.agora.comments.CommentCatalog;
import org.agora.comments.PublishedComment;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.proposals.ContributionImportId;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link SearchEntry} rows equal to what the owning modules show the public: each refresh reads the resource
 * again through the module's catalogue and writes, changes or removes its entry. Hibernate Search indexes the rows
 * when the transaction commits.
 */
@Service
@Transactional
class SearchIndexer {

    private final SearchEntries entries;
    private final ProcessCatalog processes;
    private final ProposalCatalog proposals;
    private final CommentCatalog comments;
    private final TerritoryDirectory territories;

    @PersistenceContext
    private EntityManager entityManager;

    SearchIndexer(SearchEntries entries, ProcessCatalog processes, ProposalCatalog proposals, CommentCatalog comments,
                  TerritoryDirectory territories) {
        this.entries = entries;
        this.processes = processes;
        this.proposals = proposals;
        this.comments = comments;
        this.territories = territories;
    }

    void refreshProcess(ProcessId id) {
        String pathBefore = entries.findByResourceTypeAndResourceId(SearchEntry.PROCESS, id.value())
                .map(SearchEntry::path).orElse(null);
        Optional<PublicProcess> process = processes.findPublic(id);
        process.ifPresentOrElse(new Pass(false)::write, () -> remove(SearchEntry.PROCESS, id.value()));
        // A new slug moves the pages of its proposals and their comments; an unpublished process hides them.
        if (process.isEmpty() || !process.get().path().equals(pathBefore)) {
            for (SearchEntry proposal : entries.findByProcessIdAndResourceType(id.value(), SearchEntry.PROPOSAL)) {
                refreshProposal(new ProposalId(proposal.resourceId()));
            }
        }
    }

    void refreshProposal(ProposalId id) {
        Pass pass = new Pass(false);
        proposals.findPublic(id).ifPresentOrElse(pass::write, () -> remove(SearchEntry.PROPOSAL, id.value()));
        for (SearchEntry comment : entries.findByParentTypeAndParentId(SearchEntry.PROPOSAL, id.value())) {
            refreshComment(comment.resourceId());
        }
    }

    /**
     * The proposals an import just created: they have no entry yet, so the entries are written without looking each
     * one up; the territory paths are cached for the whole batch.
     */
    void addImported(ContributionImportId batch) {
        Pass pass = new Pass(false, true);
        proposals.imported(batch).forEach(pass::write);
    }

    void refreshComment(long commentId) {
        comments.findPublished(commentId).ifPresentOrElse(new Pass(false)::write,
                () -> remove(SearchEntry.COMMENT, commentId));
    }

    /** Replaces every entry by what the modules publish now. The caller re-indexes afterwards (see SearchIndex). */
    int rebuildEntries() {
        Search.session(entityManager).indexingPlanFilter(filter -> filter.exclude(SearchEntry.class));
        entries.deleteAllInBatch();
        Pass pass = new Pass(true);
        processes.allPublic().forEach(pass::write);
        proposals.allPublic().forEach(pass::write);
        comments.allPublished().forEach(pass::write);
        entries.flush();
        return pass.count;
    }

    @Transactional(readOnly = true)
    long count() {
        return entries.count();
    }

    private void remove(String type, long id) {
        entries.findByResourceTypeAndResourceId(type, id).ifPresent(entries::delete);
    }

    /**
     * One series of writes. A refresh finds the existing entries in the table; a rebuild starts from an empty table,
     * remembers the parents it wrote for their comments, caches territory paths and keeps the persistence context
     * small, so that it stays linear in the number of entries.
     */
    private final class Pass {

        private static final int BATCH = 500;

        private final boolean rebuild;
        private final boolean created;
        private final Map<Long, String> territoryPaths = new HashMap<>();
        private final Map<ResourceRef, SearchEntry> parents = new HashMap<>();
        private int count;

        Pass(boolean rebuild) {
            this(rebuild, rebuild);
        }

        /** {@code created}: the resources written have no entry yet (a rebuild, or an import's new proposals). */
        Pass(boolean rebuild, boolean created) {
            this.rebuild = rebuild;
            this.created = created;
        }

        void write(PublicProcess process) {
            String text = process.summary() + "\n\n" + process.description();
            save(entry(SearchEntry.PROCESS, process.id().value())
                    .describe(process.title(), process.title(), text, process.id().value(),
                            territoryPath(process.territoryId()), null, process.path(), process.publishedAt())
                    .process(process.closed()));
        }

        void write(PublicProposal proposal) {
            SearchEntry entry = entry(SearchEntry.PROPOSAL, proposal.id().value())
                    .describe(proposal.title(), proposal.title(), proposal.body(), proposal.processId().value(),
                            territoryPath(proposal.territoryId()), proposal.theme(), proposal.path(),
                            proposal.publishedAt())
                    .proposal(proposal.reference(), proposal.withdrawn(), proposal.answered(), proposal.hidden());
            save(entry);
            if (rebuild) {
                parents.put(new ResourceRef(SearchEntry.PROPOSAL, proposal.id().value()), entry);
            }
        }

        /** A comment is found with its parent's process, territory and theme, and is hidden while its parent is. */
        void write(PublishedComment comment) {
            Optional<SearchEntry> parent = rebuild ? Optional.ofNullable(parents.get(comment.resource()))
                    : entries.findByResourceTypeAndResourceId(comment.resource().type(), comment.resource().id());
            save(entry(SearchEntry.COMMENT, comment.id())
                    .describe(null, parent.map(SearchEntry::label).orElse(""), comment.body(),
                            parent.map(SearchEntry::processId).orElse(null),
                            parent.map(SearchEntry::territoryPath).orElse(null),
                            parent.map(SearchEntry::theme).orElse(null), comment.path(), comment.postedAt())
                    .under(comment.resource().type(), comment.resource().id(),
                            parent.map(found -> found.hidden() || found.parentHidden()).orElse(false)));
        }

        private SearchEntry entry(String type, long id) {
            return created ? new SearchEntry(type, id)
                    : entries.findByResourceTypeAndResourceId(type, id).orElseGet(() -> new SearchEntry(type, id));
        }

        private void save(SearchEntry entry) {
            entries.save(entry);
            if (rebuild && ++count % BATCH == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }

        /** The territory's id and its ancestors' ids, so that a filter on a département finds its communes' entries. */
        private String territoryPath(long territoryId) {
            return territoryPaths.computeIfAbsent(territoryId, id -> {
                List<String> ids = new ArrayList<>();
                Optional<TerritoryView> territory = territories.find(id);
                while (territory.isPresent()) {
                    ids.add(Long.toString(territory.get().id()));
                    territory = Optional.ofNullable(territory.get().parentId()).flatMap(territories::find);
                }
                return ids.isEmpty() ? Long.toString(id) : String.join(" ", ids);
            });
        }
    }
}
