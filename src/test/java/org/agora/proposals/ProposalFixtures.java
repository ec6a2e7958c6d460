package org.agora.proposals;

import java.util.concurrent.atomic.AtomicInteger;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.context.ApplicationContext;

/** Lets other modules' tests publish and support proposals through the (module-internal) use cases. */
public final class ProposalFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProposalManagement management;
    private final ProposalSupports supports;
    private final ProposalCatalog catalog;

    public ProposalFixtures(ApplicationContext context) {
        this.management = context.getBean(ProposalManagement.class);
        this.supports = context.getBean(ProposalSupports.class);
        this.catalog = context.getBean(ProposalCatalog.class);
    }

    /** Publishes a proposal by this author in the process, in a territory of the process's scope. */
    public ProposalSummary publish(ProcessSettings process, AgoraUser author, String title, long territoryId) {
        long draft = management.draft(process.slug(), author, new ProposalForm(title,
                "Un texte assez long pour décrire la proposition n° " + SEQUENCE.incrementAndGet() + ".",
                Long.toString(territoryId), process.themes().isEmpty() ? null : process.themes().getFirst()), null);
        management.publish(process.slug(), draft, author);
        return catalog.find(new ProposalId(draft)).orElseThrow();
    }

    public void support(ProposalId proposal, AgoraUser supporter) {
        supports.support(proposal.value(), supporter.id());
    }
}
