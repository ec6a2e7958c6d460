package org.agora.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        Map<Long, String> themes = new HashMap<>();
        proposals.allPublic().forEach(proposal -> themes.put(proposal.id().value(), proposal.theme()));
        List<List<Long>> batches = batches(open.subList(0, answered + validatedOnly + proposedOnly), targets, themes);
        List<Long> published = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (int index = 0; index < SHARES.length; index++) {
            Destination destination = targets.get(index);
            long template = management.addTemplate(agent, id, destination.getLabelFr(), TEXTS.get(index)).getId();
            List<Long> batch = batches.get(index);
            management.applyTemplate(agent, id, batch, template, destination.getId(),
                    destination.isReasonRequired() ? "Elle ne relève pas des compétences de la Région ni d'un autre échelon public." : null);
            linkToDemoTargets(agent, id, destination, batch, themes);
            for (int position = 0; position < batch.size(); position++) {
                int share = position * 10 / Math.max(1, batch.size());
                (share < 8 ? published : share < 9 ? waiting : new ArrayList<Long>()).add(batch.get(position));
            }
        }
        management.validate(admin, id, published);
        management.publishValidated(admin, id, published);
        management.validate(admin, id, waiting);
        log.info("Demo data: {} proposals assigned, {} answers published, {} validated awaiting publication", open.size() * 9 / 10,
                published.size(), waiting.size());
    }

    /**
     * Splits the proposals to answer among the destinations in the seed's proportions. Work programmes, then measures,
     * pick first, among the proposals of a theme one of their demo targets belongs to; the others take the rest in order.
     */
    private List<List<Long>> batches(List<Long> candidates, List<Destination> destinations, Map<Long, String> themes) {
        List<Long> pool = new ArrayList<>(candidates);
        List<List<Long>> batches = new ArrayList<>();
        int[] counts = new int[SHARES.length];
        int assigned = 0;
        for (int index = 0; index < SHARES.length; index++) {
            counts[index] = index == SHARES.length - 1 ? candidates.size() - assigned : candidates.size() * SHARES[index] / 100;
            assigned += counts[index];
            batches.add(new ArrayList<>());
        }
        for (DestinationKind themed : List.of(DestinationKind.WORK_PROGRAMME, DestinationKind.IMMEDIATE_MEASURE)) {
            Set<String> served = targetThemes(themed.fed()).values().stream()
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            for (int index = 0; index < SHARES.length; index++) {
                if (destinations.get(index).getKind() == themed) {
                    List<Long> batch = batches.get(index);
                    pool.stream().filter(proposal -> served.contains(themes.get(proposal))).limit(counts[index])
                            .forEach(batch::add);
                    pool.removeAll(batch);
                }
            }
        }
        for (int index = 0; index < SHARES.length; index++) {
            List<Long> batch = batches.get(index);
            while (batch.size() < counts[index] && !pool.isEmpty()) {
                batch.add(pool.removeFirst());
            }
            batch.sort(Comparator.comparingInt(candidates::indexOf));
        }
        return batches;
    }

    /** The demo targets of a kind, by id, with the theme each belongs to (none for the charter articles). */
    private Map<Long, String> targetThemes(ContributionKind kind) {
        Map<Long, String> themes = new java.util.LinkedHashMap<>();
        if (kind != null) {
            contributions.targets(kind).forEach(target -> themes.put(target, contributions.describe(kind, target)
                    .map(found -> CharterDemoData.THEMES.get(found.title())).orElse(null)));
        }
        return themes;
    }

    /**
     * The bulk template names nothing fed: as an evaluator would on each proposal's page, the answer is proposed again
     * naming what it fed. A programme or a measure of the proposal's theme when there is one (CharterDemoData.THEMES),
     * otherwise the charter articles or the demo targets in turn; for another level, a new transmission to the body in
     * charge of the proposal's theme.
     */
    private void linkToDemoTargets(AgoraUser agent, long processId, Destination destination, List<Long> batch,
                                   Map<Long, String> themes) {
        ContributionKind kind = destination.getKind().fed();
        if (kind == null) {
            return;
        }
        Map<Long, String> targetThemes = targetThemes(kind);
        List<Long> targets = List.copyOf(targetThemes.keySet());
        for (int position = 0; position < batch.size(); position++) {
            long proposal = batch.get(position);
            Evaluation evaluation = evaluations.findByProposalId(proposal).orElseThrow();
            EvaluationManagement.AnswerDraft draft;
            if (kind == ContributionKind.TRANSMISSION) {
                String[] recipient = RECIPIENTS.getOrDefault(themes.get(proposal), RECIPIENTS.get("Démocratie et citoyenneté"));
                draft = new EvaluationManagement.AnswerDraft(destination.getId(), evaluation.getAnswerText(),
                        evaluation.getReason(), null, recipient[0], recipient[1], LocalDate.now().minusDays(7 + position % 30).toString());
            } else {
                List<Long> ofTheme = targets.stream()
                        .filter(target -> themes.get(proposal) != null && themes.get(proposal).equals(targetThemes.get(target)))
                        .toList();
                List<Long> choice = ofTheme.isEmpty() ? targets : ofTheme;
                if (choice.isEmpty()) {
                    continue;
                }
                draft = new EvaluationManagement.AnswerDraft(destination.getId(), evaluation.getAnswerText(),
                        evaluation.getReason(), kind.name() + ":" + choice.get(position % choice.size()));
            }
            management.propose(agent, processId, proposal, evaluation.getVersion(), draft);
        }
    }

    /** Per theme, the other level of government a demo proposal is sent to: its name and level. */
    private static final Map<String, String[]> RECIPIENTS = Map.of(
            "Mobilités", new String[] {"Préfecture de la région Centre-Val de Loire", TransmissionLevel.STATE.name()},
            "Transition écologique", new String[] {"Commission européenne (programme LIFE)", TransmissionLevel.EUROPE.name()},
            "Formation et emploi", new String[] {"France Travail Centre-Val de Loire", TransmissionLevel.STATE.name()},
            "Démocratie et citoyenneté", new String[] {"Orléans Métropole", TransmissionLevel.EPCI.name()},
            "Santé", new String[] {"Agence régionale de santé Centre-Val de Loire", TransmissionLevel.STATE.name()},
            "Culture", new String[] {"Direction régionale des affaires culturelles", TransmissionLevel.STATE.name()});
}
