package org.agora.proposals;

import java.util.List;
import java.util.Optional;

/** Read-only view of public proposal pages for other modules (sitemap, notifications). */
public interface ProposalCatalog {

    /** Paths of every public proposal list and proposal page, e.g. "/processes/x/proposals/2026-000001". */
    List<String> publicPaths();

    /** A proposal past its draft (published, withdrawn or hidden); empty for a draft or an unknown id. */
    Optional<ProposalSummary> find(ProposalId id);
}
