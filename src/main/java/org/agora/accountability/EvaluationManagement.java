package org.agora.accountability;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessId;
import org.agora.proposals.ProposalAnswering;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The evaluation workflow of a process: staff assign proposals to evaluators, evaluators keep private notes and propose
 * a destination with a public answer, administrators validate and publish. Nothing but « under review » is public
 * before publication.
 */
@Service
@Transactional
public class EvaluationManagement {

    static final int MAX_TEXT = 5000;
    static final int MAX_REASON = 1000;

    private final Evaluations evaluations;
    private final EvaluationNotes notes;
    private final AnswerTemplates templates;
    private final DestinationManagement destinations;
    private final EvaluationRights rights;
    private final ProposalCatalog proposals;
    private final ProposalAnswering answering;
    private final AccountManagement accounts;
    private final EvaluationSettings settings;
    private final Contributions contributions;
    private final Transmissions transmissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationManagement(Evaluations evaluations, EvaluationNotes notes, AnswerTemplates templates,
                         DestinationManagement destinations, EvaluationRights rights, ProposalCatalog proposals,
                         ProposalAnswering answering, AccountManagement accounts, EvaluationSettings settings,
                         Contributions contributions, Transmissions transmissions, ApplicationEventPublisher events,
                         Clock clock) {
        this.evaluations = evaluations;
        this.notes = notes;
        this.templates = templates;
        this.destinations = destinations;
        this.rights = rights;
        this.proposals = proposals;
        this.answering = answering;
        this.accounts = accounts;
        this.settings = settings;
        this.contributions = contributions;
        this.transmissions = transmissions;
        this.events = events;
        this.clock = clock;
    }

    // ---- Assigning ------------------------------------------------------------------------------------------------

    /** The people who may evaluate the process's proposals: its staff, global staff and administrators. */
    @Transactional(readOnly = true)
    public Map<AccountId, String> evaluators(long processId) {
        Set<AccountId> ids = new LinkedHashSet<>(accounts.holdersOf(Role.STAFF, RoleScope.process(processId)));
        ids.addAll(accounts.holdersOf(Role.ADMINISTRATOR, RoleScope.process(processId)));
        Map<AccountId, Optional<String>> names = accounts.pseudonyms(ids);
        Map<AccountId, String> evaluators = new LinkedHashMap<>();
        ids.stream().sorted(java.util.Comparator.comparing(id -> names.get(id).orElse("")))
                .forEach(id -> names.getOrDefault(id, Optional.empty()).ifPresent(name -> evaluators.put(id, name)));
        return evaluators;
    }

    /** Assigns each proposal to the evaluator (reassigning is allowed until the answer is published). */
    public void assign(AgoraUser user, long processId, Collection<Long> proposalIds, AccountId assignee) {
        rights.requireEvaluator(user, processId);
        AgoraUser evaluator = accounts.find(assignee).filter(found -> rights.evaluates(found, processId))
                .orElseThrow(() -> new InvalidAnswer("assignee", "accountability.evaluation.error.assignee"));
        Instant now = clock.instant();
        for (long proposalId : proposalIds) {
            PublicProposal proposal = proposal(processId, proposalId);
            evaluations.findByProposalId(proposalId).ifPresentOrElse(
                    evaluation -> evaluation.assignTo(evaluator.id().value(), now),
                    () -> evaluations.save(new Evaluation(proposal.id().value(), processId, evaluator.id().value(), now)));
        }
        evaluations.flush();
    }

    // ---- Evaluating -----------------------------------------------------------------------------------------------

    public void note(AgoraUser user, long processId, long proposalId, String text) {
        rights.requireEvaluator(user, processId);
        Evaluation evaluation = assigned(processId, proposalId);
        String note = text == null ? "" : text.strip();
        if (note.isEmpty() || note.length() > MAX_TEXT) {
            throw new InvalidAnswer("note", "accountability.evaluation.error.note");
        }
        notes.save(new EvaluationNote(evaluation.getId(), user.id().value(), note, clock.instant()));
    }

    /**
     * Proposes a destination and a public answer. {@code expectedVersion} is the version the person read: if someone
     * changed the evaluation since, nothing is written and {@link AnswerConflict} carries the current answer.
     */
    public void propose(AgoraUser user, long processId, long proposalId, long expectedVersion, AnswerDraft draft) {
        rights.requireEvaluator(user, processId);
        Evaluation evaluation = assigned(processId, proposalId);
        if (evaluation.getVersion() != expectedVersion) {
            throw new AnswerConflict(evaluation);
        }
        Destination destination = checked(processId, draft);
        Transmissions.Draft newTransmission = newTransmissionOf(destination, draft);
        Long target = newTransmission == null ? linkOf(destination, draft.link()) : null;
        evaluation.propose(destination.getId(), draft.text().strip(), reasonOf(draft),
                target == null && newTransmission == null ? null : destination.getKind().fed(), target, newTransmission,
                user.id().value(), clock.instant());
        evaluations.saveAndFlush(evaluation);
    }

    /** Fills the template for each selected proposal and proposes it with the destination (assigning it to the user if needed). */
    public int applyTemplate(AgoraUser user, long processId, Collection<Long> proposalIds, long templateId,
                             long destinationId, String reason) {
        rights.requireEvaluator(user, processId);
        AnswerTemplate template = templates.findById(templateId).filter(found -> found.getProcessId() == processId)
                .orElseThrow(() -> new InvalidAnswer("templateId", "accountability.answer.error.template"));
        checked(processId, new AnswerDraft(destinationId, template.getText(), reason));
        Instant now = clock.instant();
        int applied = 0;
        for (long proposalId : proposalIds) {
            PublicProposal proposal = proposal(processId, proposalId);
            Evaluation evaluation = evaluations.findByProposalId(proposalId).orElseGet(() ->
                    evaluations.save(new Evaluation(proposalId, processId, user.id().value(), now)));
            if (evaluation.getState() == EvaluationState.PUBLISHED) {
                continue;
            }
            String pseudonym = accounts.pseudonyms(Set.of(proposal.author())).getOrDefault(proposal.author(), Optional.empty())
                    .orElse("");
            evaluation.propose(destinationId, template.fill(pseudonym, proposal.title(), proposal.reference()),
                    reason == null || reason.isBlank() ? null : reason.strip(), user.id().value(), now);
            applied++;
        }
        evaluations.flush();
        return applied;
    }

    // ---- Validating and publishing --------------------------------------------------------------------------------

    /** Validates the proposed answers among these proposals; with « publish on validation » they are published at once. */
    public int validate(AgoraUser user, long processId, Collection<Long> proposalIds) {
        rights.requireAdministrator(user, processId);
        boolean publishNow = settings.publishOnValidation(processId);
        int validated = 0;
        for (Evaluation evaluation : selected(processId, proposalIds)) {
            if (evaluation.getState() != EvaluationState.PROPOSED) {
                continue;
            }
            evaluation.validate(user.id().value(), clock.instant());
            if (publishNow) {
                publish(evaluation);
            }
            validated++;
        }
        evaluations.flush();
        return validated;
    }

    /** Publishes the validated answers among these proposals (all the process's when {@code proposalIds} is null). */
    public int publishValidated(AgoraUser user, long processId, Collection<Long> proposalIds) {
        rights.requireAdministrator(user, processId);
        List<Evaluation> candidates = proposalIds == null
                ? evaluations.findByProcessIdAndState(processId, EvaluationState.VALIDATED)
                : selected(processId, proposalIds);
        int published = 0;
        for (Evaluation evaluation : candidates) {
            if (evaluation.getState() == EvaluationState.VALIDATED) {
                publish(evaluation);
                published++;
            }
        }
        evaluations.flush();
        return published;
    }

    private void publish(Evaluation evaluation) {
        Instant now = clock.instant();
        evaluation.publish(now);
        Destination destination = destinations.find(evaluation.getProcessId(), evaluation.getDestinationId());
        ProposalId proposal = new ProposalId(evaluation.getProposalId());
        answering.markAnswered(proposal, now);
        Transmissions.Draft newTransmission = evaluation.getNewTransmission();
        if (newTransmission != null) {
            String title = proposals.findPublic(proposal).map(PublicProposal::title).orElse(evaluation.getAnswerText());
            long created = transmissions.create(newTransmission.recipient(), newTransmission.level().name(),
                    title.length() > 200 ? title.substring(0, 199) + "…" : title, evaluation.getAnswerText(),
                    newTransmission.sentOn().toString());
            contributions.linkOnce(ContributionKind.TRANSMISSION, created, proposal);
        } else if (evaluation.getLinkKind() != null) {
            contributions.linkOnce(evaluation.getLinkKind(), evaluation.getLinkTarget(), proposal);
        }
        events.publishEvent(new ProposalAnswered(proposal, new ProcessId(evaluation.getProcessId()),
                destination.getLabelFr(), destination.getKind(), evaluation.getAnswerText(), now));
    }

    // ---- Templates and settings -----------------------------------------------------------------------------------

    public AnswerTemplate addTemplate(AgoraUser user, long processId, String name, String text) {
        rights.requireEvaluator(user, processId);
        String cleanName = name == null ? "" : name.strip();
        String cleanText = text == null ? "" : text.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new InvalidAnswer("name", "accountability.answer.error.templateName");
        }
        if (templates.existsByProcessIdAndName(processId, cleanName)) {
            throw new InvalidAnswer("name", "accountability.answer.error.templateNameTaken");
        }
        if (cleanText.isEmpty() || cleanText.length() > MAX_TEXT) {
            throw new InvalidAnswer("text", "accountability.answer.error.text");
        }
        return templates.saveAndFlush(new AnswerTemplate(processId, cleanName, cleanText));
    }

    public void deleteTemplate(AgoraUser user, long processId, long templateId) {
        rights.requireEvaluator(user, processId);
        templates.delete(templates.findById(templateId).filter(found -> found.getProcessId() == processId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
    }

    @Transactional(readOnly = true)
    List<AnswerTemplate> templates(long processId) {
        return templates.findByProcessIdOrderByName(processId);
    }

    public void publishOnValidation(AgoraUser user, long processId, boolean immediately) {
        rights.requireAdministrator(user, processId);
        settings.publishOnValidation(processId, immediately);
    }

    // ---- Reading --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    Optional<Evaluation> evaluationOf(long proposalId) {
        return evaluations.findByProposalId(proposalId);
    }

    @Transactional(readOnly = true)
    List<EvaluationNote> notesOf(Evaluation evaluation) {
        return notes.findByEvaluationIdOrderByCreatedAtDescIdDesc(evaluation.getId());
    }

    @Transactional(readOnly = true)
    Map<Long, Evaluation> evaluationsOf(long processId) {
        return evaluations.findByProcessId(processId).stream()
                .collect(Collectors.toMap(Evaluation::getProposalId, Function.identity()));
    }

    /** A public proposal of this process, or 404. */
    @Transactional(readOnly = true)
    PublicProposal proposal(long processId, long proposalId) {
        if (proposalId <= 0) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return proposals.findPublic(new ProposalId(proposalId)).filter(found -> found.processId().value() == processId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private Evaluation assigned(long processId, long proposalId) {
        proposal(processId, proposalId);
        return evaluations.findByProposalId(proposalId)
                .orElseThrow(() -> new EvaluationRefused("accountability.evaluation.refused.unassigned"));
    }

    private List<Evaluation> selected(long processId, Collection<Long> proposalIds) {
        List<Evaluation> found = new ArrayList<>();
        for (long proposalId : proposalIds) {
            proposal(processId, proposalId);
            evaluations.findByProposalId(proposalId).ifPresent(found::add);
        }
        return found;
    }

    private Destination checked(long processId, AnswerDraft draft) {
        Destination destination = destinations.of(processId).stream()
                .filter(candidate -> draft.destinationId() != null && candidate.getId().equals(draft.destinationId()))
                .findFirst().orElseThrow(() -> new InvalidAnswer("destinationId", "accountability.answer.error.destination"));
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidAnswer("text", "accountability.answer.error.text");
        }
        String reason = reasonOf(draft);
        if (destination.isReasonRequired() && reason == null) {
            throw new InvalidAnswer("reason", "accountability.answer.error.reasonRequired");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidAnswer("reason", "accountability.answer.error.reason");
        }
        return destination;
    }

    /**
     * The target the answer names as fed, written {@code KIND:id} by the form: required when the destination's kind
     * feeds something, of that kind, existing; null when the destination feeds nothing.
     */
    private Long linkOf(Destination destination, String link) {
        ContributionKind needed = destination.getKind().fed();
        String value = link == null ? "" : link.strip();
        if (needed == null) {
            if (!value.isEmpty()) {
                throw new InvalidAnswer("link", "accountability.answer.error.linkNotExpected");
            }
            return null;
        }
        if (value.isEmpty()) {
            throw new InvalidAnswer("link", "accountability.answer.error.linkRequired");
        }
        int colon = value.indexOf(':');
        if (colon < 0 || !value.substring(0, colon).equals(needed.name())) {
            throw new InvalidAnswer("link", "accountability.answer.error.linkKind");
        }
        try {
            long target = Long.parseLong(value.substring(colon + 1));
            if (contributions.exists(needed, target)) {
                return target;
            }
        } catch (NumberFormatException unreadable) {
            // reported below
        }
        throw new InvalidAnswer("link", "accountability.answer.error.linkUnknown");
    }

    /**
     * The transmission to create on publication when the destination sends to another level, no existing transmission
     * is chosen and a recipient is given; checked as the transmissions' staff page checks it.
     */
    private static Transmissions.Draft newTransmissionOf(Destination destination, AnswerDraft draft) {
        boolean asked = draft.newRecipient() != null && !draft.newRecipient().isBlank();
        if (!asked || destination.getKind().fed() != ContributionKind.TRANSMISSION
                || draft.link() != null && !draft.link().isBlank()) {
            return null;
        }
        try {
            return Transmissions.draft(draft.newRecipient(), draft.newLevel(), draft.newSentOn());
        } catch (CharterInvalid invalid) {
            var problem = invalid.problems().entrySet().iterator().next();
            throw new InvalidAnswer("new" + Character.toUpperCase(problem.getKey().charAt(0)) + problem.getKey().substring(1),
                    problem.getValue());
        }
    }

    private static String reasonOf(AnswerDraft draft) {
        return draft.reason() == null || draft.reason().isBlank() ? null : draft.reason().strip();
    }

    /**
     * What an evaluator proposes: a destination, the public answer, the reason (required by some destinations) and
     * what the proposal fed ({@code KIND:id}, required by the destinations that feed something) or, for another level,
     * the recipient, level and sending date of a transmission to create on publication.
     */
    public record AnswerDraft(Long destinationId, String text, String reason, String link, String newRecipient,
                              String newLevel, String newSentOn) {

        public AnswerDraft(Long destinationId, String text, String reason) {
            this(destinationId, text, reason, null);
        }

        public AnswerDraft(Long destinationId, String text, String reason, String link) {
            this(destinationId, text, reason, link, null, null, null);
        }
    }

    /** A field of the answer is wrong; the key is the message to show next to it. */
    static class InvalidAnswer extends RuntimeException {

        private final String field;
        private final String key;

        InvalidAnswer(String field, String key) {
            super(field + ": " + key);
            this.field = field;
            this.key = key;
        }

        String field() { return field; }
        String key() { return key; }
    }

    /** Someone changed the evaluation since it was read; the current answer is shown, nothing is written. */
    static class AnswerConflict extends RuntimeException {

        private final transient Evaluation current;

        AnswerConflict(Evaluation current) {
            super("Evaluation changed since it was read");
            this.current = current;
        }

        Evaluation current() { return current; }
    }
}
