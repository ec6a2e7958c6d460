package org.agora.panels;

import java.io.StringReader;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.meetings.MeetingCatalog;
import org.agora.meetings.MeetingId;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.territories.TerritoryDirectory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Panels and their pools: who may do what (decision 0018: staff create panels; the pool is seen by administrators and
 * the staff named on the panel's team only), the panel form, the volunteer form, the pool import.
 */
@Service
class PanelManagement {

    private final Panels panels;
    private final Volunteers volunteers;
    private final PanelSelections selections;
    private final PanelMails mails;
    private final AccountManagement accounts;
    private final TerritoryDirectory territories;
    private final ProcessCatalog processes;
    private final MeetingCatalog meetings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PanelManagement(Panels panels, Volunteers volunteers, PanelSelections selections, PanelMails mails,
                    AccountManagement accounts, TerritoryDirectory territories, ProcessCatalog processes,
                    MeetingCatalog meetings, PlatformTransactionManager transactionManager, Clock clock) {
        this.panels = panels;
        this.volunteers = volunteers;
        this.selections = selections;
        this.mails = mails;
        this.accounts = accounts;
        this.territories = territories;
        this.processes = processes;
        this.meetings = meetings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ----- Rights -----

    static boolean mayCreate(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.STAFF));
    }

    /** Administrators, and staff named on the panel's team. */
    boolean onTeam(AgoraUser user, Panel panel) {
        return user != null && (user.isAdministrator()
                || user.holdsAnywhere(Role.STAFF) && panels.onTeam(panel.id(), user.id().value()));
    }

    /** The panel, for its team; others learn nothing of it (404), non-staff are refused (403). */
    Panel requireTeam(AgoraUser user, long id) {
        if (!mayCreate(user)) {
            throw new AccessDeniedException("Only staff manage panels");
        }
        Panel panel = panels.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!onTeam(user, panel)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return panel;
    }

    /** The panels this person manages: all for administrators, their team's for staff. */
    List<Panel> managed(AgoraUser user) {
        if (!mayCreate(user)) {
            throw new AccessDeniedException("Only staff manage panels");
        }
        return panels.all().stream().filter(panel -> onTeam(user, panel)).toList();
    }

    // ----- The panel form -----

    /** What saving the panel form gave: the panel's id, or problems per field and the quota file's problems by line. */
    record Saved(Long id, Map<String, String> problems, List<FileProblem> quotaProblems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Creates ({@code id} null) or changes a panel. Quotas, size and household rule change only while the pool is open. */
    @Transactional
    Saved save(AgoraUser user, Long id, PanelForm form) {
        Panel existing = id == null ? null : requireTeam(user, id);
        if (existing == null && !mayCreate(user)) {
            throw new AccessDeniedException("Only staff create panels");
        }
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        if (!problems.containsKey("territoryId") && territories.find(PanelForm.number(form.territoryId(), 1, Long.MAX_VALUE)).isEmpty()) {
            problems.put("territoryId", "panels.error.territory");
        }
        if (!problems.containsKey("processId") && !PanelForm.strip(form.processId()).isEmpty()
                && processes.findPublic(new ProcessId(PanelForm.number(form.processId(), 1, Long.MAX_VALUE))).isEmpty()) {
            problems.put("processId", "panels.error.process");
        }
        if (!problems.containsKey("meetingIds") && form.meetingIdList().stream()
                .anyMatch(meeting -> meetings.findPublic(new MeetingId(meeting)).isEmpty())) {
            problems.put("meetingIds", "panels.error.meetings");
        }
        List<Quota> quotas = List.of();
        List<FileProblem> quotaProblems = List.of();
        boolean quotasGiven = !PanelForm.strip(form.quotas()).isEmpty();
        if (quotasGiven) {
            try {
                quotas = PanelFiles.readQuotas(new StringReader(form.quotas()));
            } catch (PanelFileException wrong) {
                quotaProblems = wrong.problems();
                problems.put("quotas", "panels.error.quotas");
            }
        }
        if (existing != null && !existing.status().poolOpen()) {
            PanelForm.Checked was = checked(existing);
            PanelForm.Checked now = problems.isEmpty() ? form.check() : null;
            if (now != null && (now.size() != was.size() || !java.util.Objects.equals(now.householdColumns(), was.householdColumns())
                    || quotasGiven && !quotas.equals(panels.quotas(existing.id())))) {
                problems.put("size", "panels.error.frozen");
            }
        }
        if (!problems.isEmpty()) {
            return new Saved(id, problems, quotaProblems);
        }
        PanelForm.Checked checked = form.check();
        long panelId;
        if (existing == null) {
            panelId = panels.insert(checked, freeSlug(checked.name()), user.id().value(), now());
            panels.addToTeam(panelId, user.id().value());
        } else {
            panelId = existing.id();
            boolean selectionChanged = checked.size() != existing.size()
                    || !java.util.Objects.equals(checked.householdColumns(), existing.householdColumns())
                    || quotasGiven && !quotas.equals(panels.quotas(panelId));
            panels.update(panelId, checked, now());
            if (selectionChanged) {
                selectionsOutdated(existing);
            }
        }
        if (quotasGiven) {
            panels.replaceQuotas(panelId, quotas);
        }
        return new Saved(panelId, Map.of(), List.of());
    }

    static PanelForm.Checked checked(Panel panel) {
        return new PanelForm.Checked(panel.name(), panel.purpose(), panel.territoryId(), panel.size(),
                panel.householdColumns(), panel.processId(), panel.meetingIds(), panel.opensAt(), panel.closesAt(),
                panel.retentionDays());
    }

    PanelForm formOf(Panel panel) {
        return new PanelForm(panel.name(), panel.purpose(), String.valueOf(panel.territoryId()), String.valueOf(panel.size()),
                panel.householdColumns() == null ? "" : panel.householdColumns(),
                panel.processId() == null ? "" : panel.processId().toString(),
                panel.meetingIds() == null ? "" : panel.meetingIds(), PanelForm.local(panel.opensAt()),
                PanelForm.local(panel.closesAt()), String.valueOf(panel.retentionDays()), quotaText(panel.id()));
    }

    /** The panel's quotas as a quota file (Sortition Foundation columns). */
    String quotaText(long panelId) {
        StringBuilder text = new StringBuilder();
        List<Quota> quotas = panels.quotas(panelId);
        if (quotas.isEmpty()) {
            return "";
        }
        boolean flex = quotas.stream().anyMatch(quota -> quota.minFlex() != null || quota.maxFlex() != null);
        text.append(flex ? "feature,value,min,max,min_flex,max_flex\n" : "feature,value,min,max\n");
        for (Quota quota : quotas) {
            text.append(csvField(quota.feature())).append(',').append(csvField(quota.value())).append(',')
                    .append(quota.min()).append(',').append(quota.max());
            if (flex) {
                text.append(',').append(quota.minFlex() == null ? "" : quota.minFlex()).append(',')
                        .append(quota.maxFlex() == null ? "" : quota.maxFlex());
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private String freeSlug(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        base = base.isEmpty() ? "panel" : base.substring(0, Math.min(base.length(), 100));
        String slug = base;
        for (int i = 2; panels.slugTaken(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    /** The pool, quotas or size changed: earlier selections no longer describe the panel. */
    private void selectionsOutdated(Panel panel) {
        selections.forget(panel.id());
        if (panel.status() == PanelStatus.SELECTED) {
            panels.status(panel.id(), PanelStatus.RECRUITING, now());
        }
    }

    // ----- Status -----

    @Transactional
    void openRecruitment(AgoraUser user, long id) {
        Panel panel = requireTeam(user, id);
        if (panel.status() != PanelStatus.DRAFT) {
            throw new ResponseStatusException(CONFLICT, "The panel is no longer a draft");
        }
        if (panels.quotas(id).isEmpty()) {
            throw new PanelRefused("panels.refused.noQuotas");
        }
        panels.status(id, PanelStatus.RECRUITING, now());
    }

    @Transactional
    void end(AgoraUser user, long id) {
        Panel panel = requireTeam(user, id);
        if (panel.status() != PanelStatus.DRAWN) {
            throw new ResponseStatusException(CONFLICT, "Only a drawn panel ends");
        }
        panels.end(id, now());
    }

    // ----- Team -----

    record Member(long accountId, String pseudonym) {
    }

    List<Member> team(Panel panel) {
        List<Long> ids = panels.team(panel.id());
        var names = accounts.pseudonyms(ids.stream().map(AccountId::new).toList());
        return ids.stream().map(id -> new Member(id, names.getOrDefault(new AccountId(id), java.util.Optional.empty())
                .orElse("#" + id))).toList();
    }

    /** Adds a member of staff (or an administrator) to the team by email. */
    @Transactional
    void addToTeam(AgoraUser user, long id, String email) {
        requireTeam(user, id);
        AccountId account = accounts.findByEmail(PanelForm.strip(email).toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new PanelRefused("panels.refused.teamUnknown"));
        AgoraUser member = accounts.find(account).orElseThrow(() -> new PanelRefused("panels.refused.teamUnknown"));
        if (!mayCreate(member)) {
            throw new PanelRefused("panels.refused.teamNotStaff");
        }
        panels.addToTeam(id, account.value());
    }

    @Transactional
    void removeFromTeam(AgoraUser user, long id, long accountId) {
        requireTeam(user, id);
        if (panels.team(id).size() <= 1) {
            throw new PanelRefused("panels.refused.teamLast");
        }
        panels.removeFromTeam(id, accountId);
    }

    // ----- The volunteer form -----

    enum Volunteered { RECORDED, CLOSED, INVALID }

    /**
     * Records a volunteer from the public form. A second form with the same email for the same panel is answered as
     * recorded without a second row (the constraint decides between two at once) and without a second mail.
     */
    Volunteered volunteer(long panelId, VolunteerForm form, String language, Map<String, String> problems) {
        Panel panel = panels.find(panelId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!panel.recruitingAt(clock.instant())) {
            return Volunteered.CLOSED;
        }
        List<VolunteerForm.Feature> features = VolunteerForm.Feature.of(panels.quotas(panelId));
        problems.putAll(form.problems(features));
        if (!problems.isEmpty()) {
            return Volunteered.INVALID;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            answers.put(features.get(i).name(), form.answer(i));
        }
        String email = form.normalisedEmail();
        Volunteers.Draft draft = new Volunteers.Draft(Volunteer.FORM, null, email, PanelForm.strip(form.name()),
                PanelForm.strip(form.address()), PanelForm.strip(form.postcode()),
                panel.householdRule() ? PanelFiles.householdKey(List.of(form.address(), form.postcode())) : null, answers,
                language, now());
        try {
            transactions.executeWithoutResult(status -> {
                Panel locked = panels.lock(panelId).orElseThrow();
                if (!locked.recruitingAt(clock.instant()) || volunteers.emailTaken(panelId, email)) {
                    return;
                }
                int serial = panels.takeNumbers(panelId, 1);
                volunteers.insert(panelId, serial, draft, now());
                selectionsOutdated(locked);
                mails.volunteered(locked, email, draft.name(), language);
            });
        } catch (DataIntegrityViolationException sameEmailMeanwhile) {
            return Volunteered.RECORDED;
        }
        return Volunteered.RECORDED;
    }

    // ----- The pool import -----

    /** A row of the import preview: the file's line, its id, features and contact. */
    record ImportRow(int line, String id, Map<String, String> features, String household, PoolContacts.Contact contact) {
    }

    /** A problem of an imported file: its line (0: the whole file), a message key of ours or the parser's own words. */
    record Problem(int line, String key, String detail) {
        static Problem parsed(FileProblem problem) {
            return new Problem(problem.line(), null, problem.message());
        }
    }

    record ImportPreview(List<ImportRow> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    /** Reads a pool file against the panel's quotas and pool, reporting every problem with its line; stores nothing. */
    @Transactional(readOnly = true)
    ImportPreview preview(AgoraUser user, long id, String text) {
        Panel panel = requireTeam(user, id);
        List<Quota> quotas = panels.quotas(id);
        if (quotas.isEmpty()) {
            return new ImportPreview(List.of(), List.of(new Problem(0, "panels.import.noQuotas", null)));
        }
        List<Respondent> respondents;
        try {
            respondents = PanelFiles.readPool(new StringReader(text), quotas, panel.householdColumnList());
        } catch (PanelFileException wrong) {
            return new ImportPreview(List.of(), wrong.problems().stream().map(Problem::parsed).toList());
        }
        List<PoolContacts.Contact> contacts = PoolContacts.read(text);
        List<ImportRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> known = new HashSet<>(volunteers.externalIds(id));
        Set<String> emails = new HashSet<>(volunteers.emails(id));
        for (int i = 0; i < respondents.size(); i++) {
            Respondent respondent = respondents.get(i);
            PoolContacts.Contact contact = i < contacts.size() && contacts.size() == respondents.size() ? contacts.get(i)
                    : new PoolContacts.Contact(null, null, null, null);
            int line = i + 2;
            if (!known.add(respondent.id())) {
                problems.add(new Problem(line, "panels.import.idTaken", respondent.id()));
            }
            if (contact.email() != null && !emails.add(contact.email())) {
                problems.add(new Problem(line, "panels.import.emailTaken", contact.email()));
            }
            rows.add(new ImportRow(line, respondent.id(), respondent.features(), respondent.household(), contact));
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(1, "panels.import.empty", null));
        }
        return new ImportPreview(rows, problems);
    }

    /** Imports the whole file or nothing; returns how many volunteers were added. */
    @Transactional
    int commitImport(AgoraUser user, long id, String text) {
        Panel panel = requireTeam(user, id);
        if (!panel.status().poolOpen()) {
            throw new ResponseStatusException(CONFLICT, "The pool is closed");
        }
        panels.lock(id);
        ImportPreview preview = preview(user, id, text);
        if (!preview.ok()) {
            throw new PanelRefused("panels.import.refused");
        }
        int serial = panels.takeNumbers(id, preview.rows().size());
        for (ImportRow row : preview.rows()) {
            PoolContacts.Contact contact = row.contact();
            volunteers.insert(id, serial++, new Volunteers.Draft(Volunteer.IMPORT, row.id(), contact.email(),
                    contact.name(), contact.address(), contact.postcode(), row.household(), row.features(), "fr", null),
                    now());
        }
        selectionsOutdated(panel);
        return preview.rows().size();
    }

    // ----- Reading -----

    List<Volunteer> pool(AgoraUser user, long id) {
        requireTeam(user, id);
        return volunteers.pool(id);
    }

    /** The selection problem of a panel: its quotas and the volunteers whose data is still kept, by pseudonym. */
    Instance instance(Panel panel) {
        List<Respondent> pool = volunteers.pool(panel.id()).stream().filter(volunteer -> volunteer.deletedAt() == null)
                .map(Volunteer::respondent).toList();
        return new Instance(panel.size(), panels.quotas(panel.id()), pool);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
