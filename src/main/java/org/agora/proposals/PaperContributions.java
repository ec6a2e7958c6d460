package org.agora.proposals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.MailRequested;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Proposals gathered on paper (a Fabrik workshop...) and typed in by a facilitator or staff, for any module that runs
 * such collections (meetings). A batch is all-or-nothing: every item is checked with the rules of the online form
 * before anything is stored, and each stored item is published at once, like an online proposal
 * (see docs/decisions/0014-paper-contributions.md).
 */
@Service
@Transactional
public class PaperContributions {

    /** The most lines and bytes a CSV of paper proposals may have. */
    public static final int CSV_MAX_ROWS = PaperCsv.MAX_ROWS;
    public static final int CSV_MAX_BYTES = PaperCsv.MAX_BYTES;

    /**
     * The bytes of a CSV import: the uploaded file when there is one (read up to one byte past the limit, so that a
     * larger file is refused), else the file the confirmation step carries back in a hidden field, Base64-encoded —
     * nothing is kept on the server between the preview and the import. A forged field reads as no file.
     */
    public static byte[] csvBytes(org.springframework.web.multipart.MultipartFile file, String carried)
            throws java.io.IOException {
        if (file != null && !file.isEmpty()) {
            return file.getInputStream().readNBytes(CSV_MAX_BYTES + 1);
        }
        if (carried == null || carried.isBlank()) {
            return new byte[0];
        }
        try {
            return java.util.Base64.getDecoder().decode(carried.strip());
        } catch (IllegalArgumentException forged) {
            return new byte[0];
        }
    }

    static final Duration CLAIM_VALIDITY = Duration.ofDays(60);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Proposals proposals;
    private final ProposalManagement management;
    private final ProposalClaims claims;
    private final ProcessRules processes;
    private final TerritoryDirectory territories;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    PaperContributions(Proposals proposals, ProposalManagement management, ProposalClaims claims, ProcessRules processes,
                       TerritoryDirectory territories, Validator validator, ApplicationEventPublisher events,
                       MessageSource messages, Clock clock,
                       @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.proposals = proposals;
        this.management = management;
        this.claims = claims;
        this.processes = processes;
        this.territories = territories;
        this.validator = validator;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Where a batch was collected. {@code where} is the collecting resource of another module (e.g. "meeting:12"), or
     * null for a collection typed by hand; {@code label} is shown as it is now ("Fabrik de Vierzon, 14 mars 2026");
     * {@code path} links the label (may be null); items without a territory take {@code territoryId}.
     */
    public record Collection(ResourceRef where, String label, String path, long territoryId) {

        public Collection {
            label = label == null ? "" : label.strip();
            if (label.isEmpty() || label.length() > 200) {
                throw new IllegalArgumentException("A collection has a label of 1 to 200 characters");
            }
            if (path != null && !path.startsWith("/")) {
                throw new IllegalArgumentException("A collection's path is a path of this site");
            }
        }
    }

    /** One proposal as written on paper; {@code territoryId} null means the collection's, {@code email} may be blank. */
    public record PaperProposal(String title, String body, Long territoryId, String theme, String email) {

        public PaperProposal {
            email = email == null ? "" : email.strip();
            theme = theme == null ? "" : theme.strip();
        }

        boolean isBlank() {
            return (title == null || title.isBlank()) && (body == null || body.isBlank()) && email.isEmpty();
        }
    }

    /** A broken rule: the item (1-based, in the order given), its field and the message key explaining it. */
    public record PaperProblem(int item, String field, String key) {
    }

    /** Some item broke a rule; nothing was stored. */
    public static class InvalidBatch extends RuntimeException {

        private final List<PaperProblem> problems;

        InvalidBatch(List<PaperProblem> problems) {
            super("Invalid paper contributions", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<PaperProblem> problems() {
            return problems;
        }
    }

    /** A problem of a CSV file: its line (header = 1; 0 for the file as a whole is never used) and column, or null. */
    public record CsvProblem(int line, String column, String key) {
    }

    /** A CSV file as read and checked: the proposals it holds, the line of each, and every problem found. */
    public record CsvPreview(List<PaperProposal> items, List<Integer> lines, List<CsvProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The CSV broke a rule; nothing was stored. */
    public static class InvalidCsv extends RuntimeException {

        private final List<CsvProblem> problems;

        InvalidCsv(List<CsvProblem> problems) {
            super("Invalid CSV of paper contributions", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<CsvProblem> problems() {
            return problems;
        }
    }

    /** Reads and checks a workshop's CSV without storing anything (the dry run shown before importing). */
    @Transactional(readOnly = true)
    public CsvPreview previewCsv(ProcessId processId, AgoraUser recorder, Collection where, byte[] file) {
        ProcessSettings process = receiving(processId, recorder, where);
        PaperCsv.Read read = PaperCsv.read(file, text -> territoryNamed(process, text));
        List<PaperProposal> items = read.rows().stream().map(PaperCsv.Row::item).toList();
        List<Integer> lines = read.rows().stream().map(PaperCsv.Row::line).toList();
        Map<String, CsvProblem> byPlace = new LinkedHashMap<>();
        read.problems().forEach(problem -> byPlace.putIfAbsent(problem.line() + "/" + problem.column(), problem));
        if (!items.isEmpty()) {
            for (PaperProblem problem : problems(process, recorder, where, items)) {
                int line = problem.item() == 0 ? 1 : lines.get(problem.item() - 1);
                String column = read.columnNames().getOrDefault(problem.field(), problem.field());
                byPlace.putIfAbsent(line + "/" + column, new CsvProblem(line, column, problem.key()));
            }
        }
        List<CsvProblem> problems = new ArrayList<>(byPlace.values());
        problems.sort(Comparator.comparingInt(CsvProblem::line));
        return new CsvPreview(items, lines, problems);
    }

    /** Imports a workshop's CSV, all or nothing: throws {@link InvalidCsv} with every problem. Returns the references. */
    public List<String> importCsv(ProcessId processId, AgoraUser recorder, Collection where, byte[] file) {
        CsvPreview preview = previewCsv(processId, recorder, where, file);
        if (!preview.valid()) {
            throw new InvalidCsv(preview.problems());
        }
        return record(processId, recorder, where, preview.items());
    }

    /**
     * A territory of the process by INSEE code (commune) or code, or by its exact name (case ignored), a commune
     * before a larger territory of the same name; empty when none, or several of the same kind, match.
     */
    java.util.Optional<Long> territoryNamed(ProcessSettings process, String text) {
        for (TerritoryKind kind : List.of(TerritoryKind.COMMUNE, TerritoryKind.LIVING_AREA, TerritoryKind.DEPARTEMENT)) {
            var byCode = territories.findByCode(kind, text);
            if (byCode.isPresent()) {
                return byCode.map(TerritoryView::id);
            }
        }
        // A commune first (Tours the commune rather than Tours the living area), then a larger territory.
        List<Long> communes = territories.searchCommunes(text, 50).stream()
                .filter(commune -> commune.name().equalsIgnoreCase(text)).map(TerritoryView::id).toList();
        List<Long> larger = territories.scopes().stream().filter(scope -> scope.name().equalsIgnoreCase(text))
                .map(TerritoryView::id).toList();
        for (List<Long> named : List.of(communes, larger)) {
            List<Long> inProcess = named.stream().filter(id -> territories.isWithin(id, process.territoryId())).toList();
            if (inProcess.size() == 1) {
                return java.util.Optional.of(inProcess.getFirst());
            }
            if (!inProcess.isEmpty()) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether this person may record paper proposals for this process at all (staff of it, or a facilitator there). */
    @Transactional(readOnly = true)
    public boolean mayRecord(AgoraUser user, ProcessId processId) {
        ProcessSettings process = processes.byId(processId).orElse(null);
        return process != null && user != null && (processes.managedBy(user, processId) || facilitates(user, process));
    }

    /** Checks every item without storing anything: the problems, empty when {@link #record} would succeed. */
    @Transactional(readOnly = true)
    public List<PaperProblem> check(ProcessId processId, AgoraUser recorder, Collection where, List<PaperProposal> items) {
        return problems(receiving(processId, recorder, where), recorder, where, items);
    }

    /**
     * Stores and publishes every item, or nothing: throws {@link InvalidBatch} with every problem. Items carrying an
     * email get a claim invitation. Returns the references given, in the order of the items.
     */
    public List<String> record(ProcessId processId, AgoraUser recorder, Collection where, List<PaperProposal> items) {
        ProcessSettings process = receiving(processId, recorder, where);
        List<PaperProblem> problems = problems(process, recorder, where, items);
        if (!problems.isEmpty()) {
            throw new InvalidBatch(problems);
        }
        List<String> references = new ArrayList<>();
        for (PaperProposal item : items) {
            ProposalForm form = formOf(item, where);
            Proposal proposal = proposals.saveAndFlush(Proposal.collectedOnPaper(process.id().value(),
                    recorder.id().value(), new Proposal.Content(form.title(), form.body(), form.territoryId(),
                            form.theme().isEmpty() ? null : form.theme()), where, clock.instant()));
            String reference = management.nextReference();
            proposal.publish(reference, clock.instant());
            events.publishEvent(new ProposalPublished(proposal.proposalId(), process.id(), recorder.id(), reference));
            if (!item.email().isEmpty()) {
                invite(process, proposal, item.email(), where);
            }
            references.add(reference);
        }
        return references;
    }

    private void invite(ProcessSettings process, Proposal proposal, String email, Collection where) {
        String token = claims.create(proposal.id(), email, clock.instant().plus(CLAIM_VALIDITY));
        // The participant has no account yet: the mail is in the language of the page it was recorded from, French by default.
        String language = LocaleContextHolder.getLocaleContext() != null
                && "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "fr";
        Locale locale = Locale.forLanguageTag(language);
        String link = baseUrl + "/proposals/claim/" + token;
        Object[] args = {proposal.title(), where.label(), process.title(), link, CLAIM_VALIDITY.toDays()};
        events.publishEvent(new MailRequested(null, email, language, "proposal-claim",
                messages.getMessage("proposals.claim.mail.subject", args, locale),
                messages.getMessage("proposals.claim.mail.text", args, locale), null, List.of(), null));
    }

    /** The process, if it still takes paper proposals and this person may record them; else a refusal. */
    private ProcessSettings receiving(ProcessId processId, AgoraUser recorder, Collection where) {
        ProcessSettings process = processes.byId(processId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!acceptsPaper(process)) {
            throw new ProposalRefused("proposals.paper.refused");
        }
        if (recorder == null || !mayRecord(recorder, processId)
                || !processes.managedBy(recorder, processId) && !withinScope(recorder, process, where.territoryId())) {
            throw new AccessDeniedException("Not a facilitator of this collection's territory");
        }
        return process;
    }

    /** Whether this process takes paper proposals now, so a caller can offer the form or say why not. */
    @Transactional(readOnly = true)
    public boolean accepts(ProcessId processId) {
        return processes.byId(processId).map(PaperContributions::acceptsPaper).orElse(false);
    }

    /** Paper is typed in after the workshop: allowed while the process is published, whatever its current phase. */
    static boolean acceptsPaper(ProcessSettings process) {
        return process.uses(ProcessFeature.PROPOSALS) && !process.closed();
    }

    private List<PaperProblem> problems(ProcessSettings process, AgoraUser recorder, Collection where,
                                        List<PaperProposal> items) {
        List<PaperProblem> problems = new ArrayList<>();
        if (items.isEmpty()) {
            problems.add(new PaperProblem(0, "items", "proposals.paper.empty"));
        }
        if (!territories.isWithin(where.territoryId(), process.territoryId())) {
            problems.add(new PaperProblem(0, "territory", "proposals.form.territory.outside"));
        }
        boolean staff = processes.managedBy(recorder, process.id());
        for (int index = 0; index < items.size(); index++) {
            int item = index + 1;
            PaperProposal paper = items.get(index);
            ProposalForm form = formOf(paper, where);
            Map<String, String> byField = new LinkedHashMap<>();
            validator.validate(form).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<ProposalForm> violation) ->
                            violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotBlank ? 0 : 1))
                    .forEach(violation -> byField.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
            if (!byField.containsKey("territory")) {
                management.scopeProblems(process, form).forEach(problem -> byField.putIfAbsent(problem.field(), problem.key()));
                if (!staff && !withinScope(recorder, process, form.territoryId())) {
                    byField.putIfAbsent("territory", "proposals.paper.territory.outsideScope");
                }
            }
            if (!paper.email().isEmpty() && (paper.email().length() > 254 || !EMAIL.matcher(paper.email()).matches())) {
                byField.put("email", "proposals.paper.email.invalid");
            }
            byField.forEach((field, key) -> problems.add(new PaperProblem(item, field, key)));
        }
        return problems;
    }

    private static ProposalForm formOf(PaperProposal item, Collection where) {
        long territory = item.territoryId() == null ? where.territoryId() : item.territoryId();
        return new ProposalForm(item.title(), item.body(), Long.toString(territory), item.theme());
    }

    /** A facilitator globally, of this process, or of a territory that overlaps the process's. */
    private boolean facilitates(AgoraUser user, ProcessSettings process) {
        return user.scopesOf(Role.FACILITATOR).stream().anyMatch(scope -> switch (scope.kind()) {
            case GLOBAL -> true;
            case PROCESS -> scope.id() == process.id().value();
            case TERRITORY -> territories.isWithin(scope.id(), process.territoryId())
                    || territories.isWithin(process.territoryId(), scope.id());
        });
    }

    /** Whether a facilitator (not staff) may record a proposal about this territory. */
    private boolean withinScope(AgoraUser user, ProcessSettings process, long territoryId) {
        return user.scopesOf(Role.FACILITATOR).stream().anyMatch(scope -> switch (scope.kind()) {
            case GLOBAL -> true;
            case PROCESS -> scope.id() == process.id().value();
            case TERRITORY -> territories.isWithin(territoryId, scope.id());
        });
    }

    /** The territories this person may choose for a paper proposal of this process (for a page of another module). */
    @Transactional(readOnly = true)
    public List<TerritoryView> territoryChoices(AgoraUser user, ProcessId processId) {
        ProcessSettings process = processes.byId(processId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        List<TerritoryView> all = territories.scopes().stream()
                .filter(scope -> territories.isWithin(scope.id(), process.territoryId())).toList();
        return territoryChoices(user, process, all);
    }

    /** The territories a facilitator (or staff: the whole process) may choose for this process, tree-ordered. */
    @Transactional(readOnly = true)
    List<TerritoryView> territoryChoices(AgoraUser user, ProcessSettings process,
                                                               List<TerritoryView> all) {
        if (processes.managedBy(user, process.id())) {
            return all;
        }
        return all.stream().filter(choice -> withinScope(user, process, choice.id())).toList();
    }

}
