package org.agora.proposals;

import org.agora.shared.PublicPages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.processes.ProcessId;

/** Read-only view of public proposals for other modules (sitemap, notifications, search). */
public interface ProposalCatalog extends PublicPages {

    /** Paths of every public proposal list and proposal page, e.g. "/processes/x/proposals/2026-000001". */
    List<String> publicPaths();

    /**
     * A public proposal (published or withdrawn, hidden or not) of a public process; empty for a draft, a proposal
     * merged into another, or an unknown id.
     */
    Optional<PublicProposal> findPublic(ProposalId id);

    /** The people who support this proposal now. */
    List<AccountId> supporters(ProposalId id);

    /** The public reference of a published, withdrawn or merged proposal; empty for a draft or an unknown id. */
    Optional<String> referenceOf(ProposalId id);

    /** Every public proposal of every public process, in publication order. */
    List<PublicProposal> allPublic();

    /** The supports and comments of every public proposal of this process, for exports. */
    Map<ProposalId, Figures> figures(ProcessId process);

    /**
     * How many public proposals (published or withdrawn) of this process were collected on paper, written online and
     * imported, per territory they concern (the territory chosen on the proposal, not rolled up).
     */
    Map<Long, Provenance> provenanceByTerritory(ProcessId process);

    /** The same counts for the whole process. */
    default Provenance provenance(ProcessId process) {
        return provenanceByTerritory(process).values().stream()
                .reduce(new Provenance(0, 0, 0), (one, other) -> new Provenance(one.paper() + other.paper(),
                        one.online() + other.online(), one.imported() + other.imported()));
    }

    /** The public proposals an import created, in the order of the file. */
    List<PublicProposal> imported(ContributionImportId batch);

    /** The public proposals collected at this resource of another module (e.g. a meeting), in publication order. */
    List<PublicProposal> collectedAt(org.agora.shared.ResourceRef where);

    /** Public proposals collected on paper, written online, and imported by staff from another tool's file. */
    record Provenance(long paper, long online, long imported) {

        public Provenance(long paper, long online) {
            this(paper, online, 0);
        }
    }

    /** How many people support a proposal now and how many comments it has. */
    record Figures(int supports, int comments) {
    }
}
