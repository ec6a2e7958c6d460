package org.agora.processes;

import org.agora.shared.FileFormat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Staff use cases on processes. Every change is checked against the person's rights and written to the history. */
@Service
@Transactional
class ProcessManagement {

    static final List<String> DEFAULT_PHASES = List.of("discover", "contribute", "answer", "report");

    /** ISO dates from date pickers, and dd/mm/yyyy typed by hand where a browser shows a plain text field. */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final Processes processes;
    private final ProcessImages images;
    private final ProcessActions actions;
    private final ProcessPermissions permissions;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcessManagement(Processes processes, ProcessImages images, ProcessActions actions, ProcessPermissions permissions,
                      TerritoryDirectory territories, AccountManagement accounts, ApplicationEventPublisher events,
                      Clock clock) {
        this.processes = processes;
        this.images = images;
        this.actions = actions;
        this.permissions = permissions;
        this.territories = territories;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }

    // ---- Queries -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    List<AdminRow> managedBy(AgoraUser user) {
        LocalDate today = today();
        var manageable = permissions.manageableBy(user);
        return processes.findAllByOrderByCreatedAtDesc().stream()
                .filter(manageable)
                .map(process -> new AdminRow(process.id(), process.slug(), process.title(), process.status(),
                        territoryName(process.territoryId()), process.startsOn(), process.endsOn(),
                        currentPhaseName(process, today)))
                .toList();
    }

    @Transactional(readOnly = true)
    AdminDetail detail(long id, AgoraUser user) {
        ParticipatoryProcess process = managed(id, user);
        List<ProcessAction> history = actions.findByProcessIdOrderByHappenedAtDescIdDesc(process.id());
        Map<AccountId, Optional<String>> names = accounts.pseudonyms(history.stream().map(ProcessAction::actorId)
                .filter(Objects::nonNull).map(AccountId::new).collect(Collectors.toSet()));
        return new AdminDetail(process.id(), process.slug(), process.title(), process.summary(), process.status(),
                territoryName(process.territoryId()), process.phases(), process.currentPhaseIndex(today()),
                process.currentPhaseIsOverridden(), process.features(), process.hasImage(),
                history.stream().map(action -> new HistoryEntry(action.happenedAt().atZone(Clocks.PARIS),
                        action.actorId() == null ? null
                                : names.getOrDefault(new AccountId(action.actorId()), Optional.empty()).orElse(null),
                        action.action(), action.detail())).toList());
    }

    /** The form filled in with the process as it is. */
    @Transactional(readOnly = true)
    ProcessForm formOf(long id, AgoraUser user) {
        ParticipatoryProcess process = managed(id, user);
        return new ProcessForm(process.title(), process.slug(), process.summary(), process.description(),
                process.territoryId(), process.imageAlt(), false, process.features(),
                process.phases().stream().map(phase -> new ProcessForm.PhaseRow(phase.name(),
                        phase.description() == null ? "" : phase.description(), phase.startsOn().toString(),
                        phase.endsOn().toString(), phase.proposalsOpen(), phase.supportsOpen())).toList(),
                String.join("\n", process.themes()),
                process.supportLimit() == null ? "" : process.supportLimit().toString(),
                process.supportThreshold() == null ? "" : process.supportThreshold().toString());
    }

    /** Refuses (403, or 404 for an unknown id) anyone who may not manage this process. */
    @Transactional(readOnly = true)
    void requireManager(long id, AgoraUser user) {
        managed(id, user);
    }

    /** Records a change of the process's team in its history. */
    void logTeamChange(long id, AgoraUser user, String action, String detail) {
        log(managed(id, user), user, action, detail);
    }

    @Transactional(readOnly = true)
    boolean hasImage(long id, AgoraUser user) {
        return managed(id, user).hasImage();
    }

    @Transactional(readOnly = true)
    long territoryOf(long id, AgoraUser user) {
        return managed(id, user).territoryId();
    }

    Optional<TerritoryView> territoryView(long territoryId) {
        return territories.find(territoryId);
    }

    // ---- Changes ---------------------------------------------------------------------------------------------------

    long create(AgoraUser user, ProcessForm form, byte[] image) {
        if (!permissions.canCreate(user)) {
            throw new AccessDeniedException("Not staff of any territory");
        }
        Checked checked = check(user, form, image, null);
        ParticipatoryProcess process = processes.saveAndFlush(new ParticipatoryProcess(checked.slug(), form.title(),
                form.summary(), form.description(), form.territoryId(), checked.phases(), form.features(), clock.instant()));
        process.useParticipationRules(form.themeList(), form.supportLimitValue(), form.supportThresholdValue());
        log(process, user, "CREATED", process.title());
        if (checked.image() != null) {
            images.save(new ProcessImage(process.id(), checked.image(), image));
            process.showImage(form.imageAlt(), clock.millis());
        }
        return process.id();
    }

    void update(long id, AgoraUser user, ProcessForm form, byte[] image) {
        ParticipatoryProcess process = managed(id, user);
        Checked checked = check(user, form, image, process);
        List<String> changed = new ArrayList<>();
        if (!process.title().equals(form.title().strip())) changed.add("title");
        if (!process.slug().equals(checked.slug())) changed.add("slug");
        if (!process.summary().equals(form.summary().strip())) changed.add("summary");
        if (!process.description().equals(form.description() == null ? "" : form.description().strip())) changed.add("description");
        if (process.territoryId() != form.territoryId()) changed.add("territory");
        if (!process.phases().equals(sorted(checked.phases()))) changed.add("phases");
        if (!process.features().equals(form.features())) changed.add("features");
        if (!process.themes().equals(form.themeList())) changed.add("themes");
        if (!Objects.equals(process.supportLimit(), form.supportLimitValue())) changed.add("supportLimit");
        if (!Objects.equals(process.supportThreshold(), form.supportThresholdValue())) changed.add("supportThreshold");
        process.describe(checked.slug(), form.title(), form.summary(), form.description(), form.territoryId());
        process.replacePhases(checked.phases());
        process.useFeatures(form.features());
        process.useParticipationRules(form.themeList(), form.supportLimitValue(), form.supportThresholdValue());
        if (checked.image() != null) {
            images.findById(process.id()).ifPresentOrElse(stored -> stored.replace(checked.image(), image),
                    () -> images.save(new ProcessImage(process.id(), checked.image(), image)));
            process.showImage(form.imageAlt(), clock.millis());
            log(process, user, "IMAGE_CHANGED", process.imageAlt());
        } else if (form.removesImage() && process.hasImage()) {
            images.deleteById(process.id());
            process.removeImage();
            log(process, user, "IMAGE_REMOVED", null);
        } else if (process.hasImage() && !Objects.equals(process.imageAlt(), form.imageAlt().strip())) {
            process.describeImage(form.imageAlt());
            changed.add("imageAlt");
        }
        if (!changed.isEmpty()) {
            log(process, user, "EDITED", String.join(", ", changed));
            events.publishEvent(new ProcessUpdated(process.processId(), process.slug()));
        }
    }

    void publish(long id, AgoraUser user) {
        ParticipatoryProcess process = managed(id, user);
        process.publish(clock.instant());
        log(process, user, "PUBLISHED", null);
        events.publishEvent(new ProcessPublished(process.processId(), process.slug()));
    }

    void close(long id, AgoraUser user) {
        ParticipatoryProcess process = managed(id, user);
        process.close(clock.instant());
        log(process, user, "CLOSED", null);
        events.publishEvent(new ProcessClosed(process.processId(), process.slug()));
    }

    void reopen(long id, AgoraUser user) {
        ParticipatoryProcess process = managed(id, user);
        process.reopen();
        log(process, user, "REOPENED", null);
        events.publishEvent(new ProcessUpdated(process.processId(), process.slug()));
    }

    /** Sets the current phase by hand, or lets the dates decide again when {@code index} is null. */
    void chooseCurrentPhase(long id, AgoraUser user, Integer index) {
        ParticipatoryProcess process = managed(id, user);
        if (index == null) {
            process.letDatesDecideCurrentPhase();
            log(process, user, "CURRENT_PHASE_CLEARED", null);
        } else {
            process.overrideCurrentPhase(index);
            log(process, user, "CURRENT_PHASE_SET", process.phases().get(index).name());
        }
    }

    // ---- Rules -----------------------------------------------------------------------------------------------------

    private Checked check(AgoraUser user, ProcessForm form, byte[] image, ParticipatoryProcess existing) {
        List<ProcessProblem> problems = new ArrayList<>();
        String slug = form.slug() == null || form.slug().isBlank() ? null : form.slug().strip();
        if (slug == null) {
            slug = freeSlug(Slugs.from(form.title()), existing);
        } else if (!Slugs.VALID.matcher(slug).matches()) {
            problems.add(new ProcessProblem("slug", "processes.form.slug.invalid"));
        } else if (processes.findBySlug(slug).filter(other -> existing == null || !other.id().equals(existing.id())).isPresent()) {
            problems.add(new ProcessProblem("slug", "processes.form.slug.taken"));
        }
        if (form.territoryId() != null) {
            boolean allowed = existing != null && existing.territoryId() == form.territoryId()
                    || permissions.scopesFor(user).stream().anyMatch(scope -> scope.id() == form.territoryId());
            if (!allowed) {
                problems.add(new ProcessProblem("territoryId", "processes.form.territory.notAllowed"));
            }
        }
        List<Phase> phases = phases(form.phases(), problems);
        List<String> themes = form.themeList();
        if (themes.size() > ProcessForm.MAX_THEMES) {
            problems.add(new ProcessProblem("themes", "processes.form.themes.tooMany"));
        } else if (themes.stream().anyMatch(theme -> theme.length() > 80)) {
            problems.add(new ProcessProblem("themes", "processes.form.themes.themeTooLong"));
        }
        FileFormat format = null;
        if (image != null && image.length > 0) {
            if (image.length > ImageFormat.MAX_BYTES) {
                problems.add(new ProcessProblem("image", "processes.form.image.tooLarge"));
            } else {
                format = ImageFormat.detect(image).orElse(null);
                if (format == null) {
                    problems.add(new ProcessProblem("image", "processes.form.image.type"));
                }
            }
        }
        boolean imageShown = image != null && image.length > 0
                || existing != null && existing.hasImage() && !form.removesImage();
        if (imageShown && (form.imageAlt() == null || form.imageAlt().isBlank())) {
            problems.add(new ProcessProblem("imageAlt", "processes.form.imageAlt.required"));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new Checked(slug, phases, format);
    }

    private static List<Phase> phases(List<ProcessForm.PhaseRow> rows, List<ProcessProblem> problems) {
        List<Phase> phases = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            ProcessForm.PhaseRow row = rows.get(index);
            if (row.isBlank()) {
                continue;
            }
            String prefix = "phases[" + index + "].";
            int before = problems.size();
            if (row.name() == null || row.name().isBlank()) {
                problems.add(new ProcessProblem(prefix + "name", "processes.form.phase.name.required"));
            } else if (row.name().strip().length() > 100) {
                problems.add(new ProcessProblem(prefix + "name", "processes.form.phase.name.tooLong"));
            }
            if (row.description() != null && row.description().length() > 1000) {
                problems.add(new ProcessProblem(prefix + "description", "processes.form.phase.description.tooLong"));
            }
            LocalDate starts = date(row.startsOn(), prefix + "startsOn", problems);
            LocalDate ends = date(row.endsOn(), prefix + "endsOn", problems);
            if (starts != null && ends != null && ends.isBefore(starts)) {
                problems.add(new ProcessProblem(prefix + "endsOn", "processes.form.phase.endsBeforeStart"));
            }
            if (problems.size() == before) {
                phases.add(new Phase(row.name().strip(), row.description(), starts, ends, row.opensProposals(),
                        row.opensSupports()));
            }
        }
        if (phases.isEmpty() && problems.stream().noneMatch(problem -> problem.field().startsWith("phases["))) {
            problems.add(new ProcessProblem("phases", "processes.form.phases.required"));
        }
        return phases;
    }

    private static LocalDate date(String text, String field, List<ProcessProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new ProcessProblem(field, "processes.form.phase.date.required"));
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException tryNext) {
                // the next accepted format may match
            }
        }
        problems.add(new ProcessProblem(field, "processes.form.phase.date.invalid"));
        return null;
    }

    private static List<Phase> sorted(List<Phase> phases) {
        return phases.stream().sorted(java.util.Comparator.comparing(Phase::startsOn).thenComparing(Phase::endsOn)).toList();
    }

    private String freeSlug(String base, ParticipatoryProcess existing) {
        String candidate = base;
        for (int suffix = 2; ; suffix++) {
            Optional<ParticipatoryProcess> holder = processes.findBySlug(candidate);
            if (holder.isEmpty() || existing != null && holder.get().id().equals(existing.id())) {
                return candidate;
            }
            String tail = "-" + suffix;
            candidate = (base.length() + tail.length() > Slugs.MAX_LENGTH
                    ? base.substring(0, Slugs.MAX_LENGTH - tail.length()) : base) + tail;
        }
    }

    private ParticipatoryProcess managed(long id, AgoraUser user) {
        ParticipatoryProcess process = processes.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!permissions.canManage(user, process)) {
            throw new AccessDeniedException("Not a manager of process " + id);
        }
        return process;
    }

    private void log(ParticipatoryProcess process, AgoraUser user, String action, String detail) {
        actions.save(new ProcessAction(process.id(), user == null ? null : user.id().value(), action, detail,
                clock.instant()));
    }

    private String territoryName(long territoryId) {
        return territories.find(territoryId).map(TerritoryView::name).orElse("—");
    }

    static String currentPhaseName(ParticipatoryProcess process, LocalDate today) {
        int index = process.currentPhaseIndex(today);
        return index < 0 ? null : process.phases().get(index).name();
    }

    private record Checked(String slug, List<Phase> phases, FileFormat image) {
    }

    /** The form broke one or more rules; nothing was stored. */
    static class Invalid extends RuntimeException {
        private final List<ProcessProblem> problems;

        Invalid(Collection<ProcessProblem> problems) {
            super("Invalid process form", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<ProcessProblem> problems() {
            return problems;
        }
    }

    record AdminRow(long id, String slug, String title, ProcessStatus status, String territoryName, LocalDate startsOn,
                    LocalDate endsOn, String currentPhase) {
    }

    record AdminDetail(long id, String slug, String title, String summary, ProcessStatus status, String territoryName,
                       List<Phase> phases, int currentPhaseIndex, boolean currentPhaseOverridden,
                       java.util.Set<ProcessFeature> features, boolean hasImage, List<HistoryEntry> history) {
    }

    record HistoryEntry(ZonedDateTime at, String actor, String action, String detail) {
    }
}
