package org.agora.proposals;

import java.util.List;

/** Read-only view of public proposal pages for other modules (sitemap). */
public interface ProposalCatalog {

    /** Paths of every public proposal list and proposal page, e.g. "/processes/x/proposals/2026-000001". */
    List<String> publicPaths();
}
