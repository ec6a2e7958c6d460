package org.agora.accountability;

import org.agora.shared.PublicPages;
import java.util.List;

import org.agora.proposals.ProposalId;

/** Read-only view, for other features, of what proposals fed and of the public pages of the charter and strategy. */
public interface ContributionCatalog extends PublicPages {

    /** What the proposal fed, in the order it was linked; empty when it fed nothing. */
    List<Contribution> fedBy(ProposalId proposal);

    /** Every public page of the charter, strategy, measures, transmissions and referrals, for the sitemap. */
    List<String> publicPaths();
}
