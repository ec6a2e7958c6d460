package org.agora.accountability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.PublicProposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo process's evaluation, made through the real use cases: agent@ evaluates (templates applied per destination
 * in the seed's proportions 20/10/30/30/10 %), admin@ validates and publishes. About 60 % of the proposals are
 * answered, some validated but waiting for the grouped publication, some proposed, some only assigned. The answers name
 * what their proposals fed among the demo charter articles, work programmes, measures and transmissions (CharterDemoData
 * runs first), which become public contributions when published.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("agora.demo-data")
class EvaluationDemoData implements ApplicationRunner {

    static final String PROCESS = "democratie-permanente-centre-val-de-loire";

    private static final Logger log = LoggerFactory.getLogger(EvaluationDemoData.class);

    /** Per default destination (in order): share of the answered proposals, in %, and the template's text. */
    private static final int[] SHARES = {20, 10, 30, 30, 10};
    private static final List<String> TEXTS = List.of(
            "Merci {pseudonyme} ! Votre proposition « {titre} » (n° {reference}) nourrit la charte et le cadre éthique de la démocratie permanente.",
            "Merci {pseudonyme} ! Votre proposition « {titre} » (n° {reference}) devient une mesure immédiate : la Région la met en œuvre dès cette année.",
            "Merci {pseudonyme} ! Votre proposition « {titre} » (n° {reference}) nourrit un des chantiers de la stratégie régionale.",
            "Merci {pseudonyme} ! Votre proposition « {titre} » (n° {reference}) relève d'un autre échelon : nous l'avons transmise à la collectivité compétente.",
            "Merci {pseudonyme} pour votre proposition « {titre} » (n° {reference}). Elle n'est pas retenue ; la raison est indiquée ci-dessous.");

    private final EvaluationManagement management;
    private final DestinationManagement destinations;
    private final ProcessRules processes;
    private final ProposalCatalog proposals;
    private final AccountManagement accounts;
    private final Evaluations evaluations;
    private final Contributions contributions;

    EvaluationDemoData(EvaluationManagement management, DestinationManagement destinations, ProcessRules processes,
                       ProposalCatalog proposals, AccountManagement accounts, Evaluations evaluations,
                       Contributions contributions) {
        this.contributions = contributions;
        this.management = management;
        this.destinations = destinations;
        this.processes = processes;
        this.proposals = proposals;
        this.accounts = accounts;
        this.evaluations = evaluations;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ProcessSettings process = processes.bySlug(PROCESS).orElse(null);
        AgoraUser agent = accounts.findByEmail("agent@example.org").flatMap(accounts::find).orElse(null);
        AgoraUser admin = accounts.findByEmail("admin@example.org").flatMap(accounts::find).orElse(null);
        if (process == null || agent == null || admin == null || evaluations.count() > 0) {
            return;
        }
        long id = process.id().value();
        List<Long> open = proposals.allPublic().stream()
                .filter(proposal -> proposal.processId().value() == id && !proposal.withdrawn())
                .sorted(Comparator.comparing(PublicProposal::publishedAt)).map(proposal -> proposal.id().value()).toList();
        List<Destination> targets = destinations.of(id);
        if (open.isEmpty() || targets.size() < SHARES.length) {
            return;
        }
        management.assign(agent, id, open.subList(0, open.size() * 9 / 10), agent.id());
        int answered = open.size() * 6 / 10;
        int validatedOnly = open.size() / 10;
        int proposedOnly = open.size() / 10;
        int start = 0;
        List<Long> published = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (int index = 0; index < SHARES.length; index++) {
            Destination destination = targets.get(index);
            long template = management.addTemplate(agent, id, destination.getLabelFr(), TEXTS.get(index)).getId();
            int count = index == SHARES.length - 1 ? answered + validatedOnly + proposedOnly - start
                    : (answered + validatedOnly + proposedOnly) * SHARES[index] / 100;
            List<Long> batch = open.subList(start, start + count);
            management.applyTemplate(agent, id, batch, template, destination.getId(),
                    destination.isReasonRequired() ? "Elle ne relève pas des compétences de la Région ni d'un autre échelon public." : null);
            linkToDemoTargets(agent, id, destination, batch);
            for (int position = 0; position < batch.size(); position++) {
                int share = position * 10 / Math.max(1, batch.size());
                (share < 8 ? published : share < 9 ? waiting : new ArrayList<Long>()).add(batch.get(position));
            }
            start += count;
        }
        management.validate(admin, id, published);
        management.publishValidated(admin, id, published);
        management.validate(admin, id, waiting);
        log.info("Demo data: {} proposals assigned, {} answers published, {} validated awaiting publication", open.size() * 9 / 10,
                published.size(), waiting.size());
    }

    /**
     * The bulk template names nothing fed: as an evaluator would on each proposal's page, the answer is proposed again
     * naming one of the demo targets of the destination's kind (CharterDemoData), in turn, so each proposal feeds one.
     */
    private void linkToDemoTargets(AgoraUser agent, long processId, Destination destination, List<Long> batch) {
        ContributionKind kind = destination.getKind().fed();
        List<Long> targets = kind == null ? List.of() : contributions.targets(kind);
        for (int position = 0; position < batch.size() && !targets.isEmpty(); position++) {
            Evaluation evaluation = evaluations.findByProposalId(batch.get(position)).orElseThrow();
            management.propose(agent, processId, batch.get(position), evaluation.getVersion(),
                    new EvaluationManagement.AnswerDraft(destination.getId(), evaluation.getAnswerText(),
                            evaluation.getReason(), kind.name() + ":" + targets.get(position % targets.size())));
        }
    }
}
