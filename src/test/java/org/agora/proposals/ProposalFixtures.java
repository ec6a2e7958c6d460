package org.agora.proposals;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.accounts.AgoraUser;
import org.agora.moderation.ContentHidden;
import org.agora.moderation.ContentRestored;
import org.agora.moderation.ModerationReason;
import org.agora.processes.ProcessSettings;
import org.agora.shared.ResourceRef;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets other modules' tests publish, support, edit, withdraw proposals through the module's use cases, and hide or restore
 * them as moderation does (the proposal's own change and the moderation event, in one transaction).
 */
public final class ProposalFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProposalManagement management;
    private final ProposalSupports supports;
    private final ProposalCatalog catalog;
    private final Proposals proposals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ApplicationContext context;

    public ProposalFixtures(ApplicationContext context) {
        this.context = context;
        this.management = context.getBean(ProposalManagement.class);
        this.supports = context.getBean(ProposalSupports.class);
        this.catalog = context.getBean(ProposalCatalog.class);
        this.proposals = context.getBean(Proposals.class);
        this.events = context;
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** Publishes a proposal through draft then publication; returns its reference. */
    public String publish(ProcessSettings process, AgoraUser author, String title, String body, long territoryId,
                          String theme) {
        long draft = management.draft(process.slug(), author,
                new ProposalForm(title, body, Long.toString(territoryId), theme == null ? "" : theme), null);
        return management.publish(process.slug(), draft, author);
    }

    /** Publishes a proposal by this author in the process, in a territory of the process's scope, with a generated text. */
    public PublicProposal publish(ProcessSettings process, AgoraUser author, String title, long territoryId) {
        String reference = publish(process, author, title,
                "Un texte assez long pour décrire la proposition n° " + SEQUENCE.incrementAndGet() + ".", territoryId,
                process.themes().isEmpty() ? null : process.themes().getFirst());
        return catalog.findPublic(new ProposalId(idOf(reference))).orElseThrow();
    }

    /** Merges the duplicate into the kept proposal as this staff member does, through the merge use case. */
    public void merge(AgoraUser staff, PublicProposal duplicate, PublicProposal kept) {
        context.getBean(ProposalMerging.class).merge(staff, kept.processId().value(),
                new ProposalMerging.MergeForm(duplicate.reference(), kept.reference(), null));
    }

    public void support(ProposalId proposal, AgoraUser supporter) {
        supports.support(proposal.value(), supporter.id());
    }

    /** Saves a draft (not published); returns its id. */
    public long draft(ProcessSettings process, AgoraUser author, String title, String body, long territoryId,
                      String theme) {
        return management.draft(process.slug(), author,
                new ProposalForm(title, body, Long.toString(territoryId), theme == null ? "" : theme), null);
    }

    public void edit(ProcessSettings process, String reference, AgoraUser author, String title, String body,
                     long territoryId, String theme) {
        management.edit(process.slug(), reference, author,
                new ProposalForm(title, body, Long.toString(territoryId), theme == null ? "" : theme), null, false);
    }

    public void withdraw(ProcessSettings process, String reference, AgoraUser author) {
        management.withdraw(process.slug(), reference, author);
    }

    public long idOf(String reference) {
        return proposals.findByReference(reference).orElseThrow().id();
    }

    public void hide(String reference) {
        transaction.executeWithoutResult(status -> {
            Proposal proposal = proposals.findByReference(reference).orElseThrow();
            proposal.hide(ModerationReason.OFFENSIVE, Instant.now());
            events.publishEvent(new ContentHidden(new ResourceRef("proposal", proposal.id()),
                    new org.agora.accounts.AccountId(proposal.authorId()), ModerationReason.OFFENSIVE, false));
        });
    }

    public void restore(String reference) {
        transaction.executeWithoutResult(status -> {
            Proposal proposal = proposals.findByReference(reference).orElseThrow();
            proposal.restore();
            events.publishEvent(new ContentRestored(new ResourceRef("proposal", proposal.id()),
                    new org.agora.accounts.AccountId(proposal.authorId())));
        });
    }
}
