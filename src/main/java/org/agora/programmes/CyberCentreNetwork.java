package org.agora.programmes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The rules of the cyber-centre network: centres and their facilitators, agreements and payments, yearly reports and
 * their consolidation. Staff (and administrators) manage everything; a centre's facilitators file its reports only.
 */
@Service
class CyberCentreNetwork {

    /** Reports are filed for years from this one to the current one. */
    static final int FIRST_YEAR = 2000;

    private final CyberCentres centres;
    private final CentreAgreements agreements;
    private final CentrePayments payments;
    private final CentreReports reports;
    private final CentreReportCalendar calendar;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final Clock clock;

    CyberCentreNetwork(CyberCentres centres, CentreAgreements agreements, CentrePayments payments,
                       CentreReports reports, CentreReportCalendar calendar, TerritoryDirectory territories,
                       AccountManagement accounts, Clock clock) {
        this.centres = centres;
        this.agreements = agreements;
        this.payments = payments;
        this.reports = reports;
        this.calendar = calendar;
        this.territories = territories;
        this.accounts = accounts;
        this.clock = clock;
    }

    // ----- Who may do what -----

    static boolean isStaff(AgoraUser user) {
        return user != null && (user.isAdministrator() || user.holdsAnywhere(Role.STAFF));
    }

    static void requireStaff(AgoraUser user) {
        if (!isStaff(user)) {
            throw new AccessDeniedException("Only staff manage the cyber-centre network");
        }
    }

    /** Staff, or one of the centre's facilitators. */
    static boolean mayFileReports(AgoraUser user, CentreView centre) {
        return isStaff(user) || user != null
                && centre.facilitators().stream().anyMatch(facilitator -> facilitator.accountId() == user.id().value());
    }

    // ----- Centres -----

    @Transactional(readOnly = true)
    List<CentreView> list(Long departementId, Long communeId, boolean withThoseWhoLeft) {
        List<CyberCentre> found = centres.findAllByOrderByName().stream()
                .filter(centre -> withThoseWhoLeft || centre.active())
                .filter(centre -> departementId == null || departementId.equals(centre.departementId()))
                .filter(centre -> communeId == null || communeId == centre.communeId())
                .toList();
        return views(found);
    }

    @Transactional(readOnly = true)
    CentreView require(long id) {
        return views(List.of(centres.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)))).getFirst();
    }

    @Transactional(readOnly = true)
    List<CentreView> runBy(AgoraUser user) {
        return views(centres.runBy(user.id().value()));
    }

    record Saved(Long id, Map<String, String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    @Transactional
    Saved save(AgoraUser actor, Long id, CentreForm form) {
        requireStaff(actor);
        CyberCentre existing = id == null ? null : centres.findById(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        Long communeId = problems.containsKey("commune") ? null : commune(form.commune(), problems);
        if (!problems.isEmpty()) {
            return new Saved(id, problems);
        }
        CentreForm.Checked checked = form.check(communeId, departementOf(communeId));
        if (existing == null) {
            existing = centres.saveAndFlush(new CyberCentre(checked, now()));
        } else {
            existing.change(checked, now());
            centres.flush();
        }
        return new Saved(existing.id(), Map.of());
    }

    /** Adds the account with this address as a facilitator of the centre; the problem's message key, or null. */
    @Transactional
    String addFacilitator(AgoraUser actor, long centreId, String email) {
        requireStaff(actor);
        CyberCentre centre = centres.findById(centreId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Optional<AccountId> account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            return "programmes.centre.error.facilitatorUnknown";
        }
        centre.addFacilitator(account.get().value());
        centres.flush();
        return null;
    }

    @Transactional
    void removeFacilitator(AgoraUser actor, long centreId, long accountId) {
        requireStaff(actor);
        centres.findById(centreId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)).removeFacilitator(accountId);
    }

    /** The commune typed ("Orléans", "Orléans (45000)" or "45000"); a problem is recorded unless it is exactly one. */
    private Long commune(String typed, Map<String, String> problems) {
        String commune = CentreForm.strip(typed);
        String name = commune.contains(" (") ? commune.substring(0, commune.indexOf(" (")) : commune;
        List<TerritoryView> found = territories.searchCommunes(name, 20);
        List<TerritoryView> exact = found.stream().filter(view -> view.label().equalsIgnoreCase(commune)
                || view.name().equalsIgnoreCase(commune) || view.postalCodes().contains(commune)).toList();
        List<TerritoryView> chosen = exact.isEmpty() ? found : exact;
        if (chosen.size() == 1 && chosen.getFirst().kind() == TerritoryKind.COMMUNE) {
            return chosen.getFirst().id();
        }
        problems.put("commune", chosen.isEmpty() ? "programmes.centre.error.communeUnknown"
                : "programmes.centre.error.communeAmbiguous");
        return null;
    }

    /** The département above a commune, or null when the tree has none above it. */
    Long departementOf(long territoryId) {
        Optional<TerritoryView> current = territories.find(territoryId);
        for (int depth = 0; depth < 10 && current.isPresent(); depth++) {
            if (current.get().kind() == TerritoryKind.DEPARTEMENT) {
                return current.get().id();
            }
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : territories.find(parent);
        }
        return null;
    }

    private List<CentreView> views(List<CyberCentre> found) {
        Set<AccountId> people = found.stream().flatMap(centre -> centre.facilitators().stream()).map(AccountId::new)
                .collect(Collectors.toSet());
        Map<AccountId, Optional<String>> names = people.isEmpty() ? Map.of() : accounts.pseudonyms(people);
        Map<Long, String> territoryNames = new HashMap<>();
        return found.stream().map(centre -> new CentreView(centre.id(), centre.name(), centre.address(),
                centre.communeId(), territoryName(centre.communeId(), territoryNames), centre.departementId(),
                centre.departementId() == null ? null : territoryName(centre.departementId(), territoryNames),
                centre.contactName(), centre.contactEmail(), centre.contactPhone(), centre.hours(), centre.latitude(),
                centre.longitude(), centre.status(), centre.facilitators().stream().sorted()
                .map(id -> new CentreView.Facilitator(id, names.getOrDefault(new AccountId(id), Optional.empty())
                        .orElse("—"))).toList())).toList();
    }

    private String territoryName(long id, Map<Long, String> cache) {
        return cache.computeIfAbsent(id, key -> territories.find(key).map(TerritoryView::name).orElse("?"));
    }

    /** The départements that hold at least one centre, by name. */
    @Transactional(readOnly = true)
    boolean isTerritory(long id) {
        return territories.find(id).isPresent();
    }

    List<TerritoryView> departements() {
        return centres.findAll().stream().map(CyberCentre::departementId).filter(java.util.Objects::nonNull).distinct()
                .map(territories::find).flatMap(Optional::stream).sorted(Comparator.comparing(TerritoryView::name))
                .toList();
    }

    // ----- Agreements and payments -----

    record Agreement(long id, int startYear, int endYear, long yearlyGrantCents, List<Payment> payments) {
    }

    record Payment(long id, int year, long committedCents, long paidCents, LocalDate paidOn) {

        public String committedTyped() {
            return CentreAmounts.typed(committedCents);
        }

        public String paidTyped() {
            return CentreAmounts.typed(paidCents);
        }
    }

    record YearTotals(int year, long committedCents, long paidCents) {
    }

    @Transactional(readOnly = true)
    List<Agreement> agreements(long centreId) {
        List<CentreAgreement> found = agreements.findByCentreIdOrderByStartYear(centreId);
        Map<Long, List<CentrePayment>> byAgreement = found.isEmpty() ? Map.of()
                : payments.findByAgreementIdInOrderByYear(found.stream().map(CentreAgreement::id).toList()).stream()
                .collect(Collectors.groupingBy(CentrePayment::agreementId));
        return found.stream().map(agreement -> new Agreement(agreement.id(), agreement.startYear(), agreement.endYear(),
                agreement.yearlyGrantCents(), byAgreement.getOrDefault(agreement.id(), List.of()).stream()
                .map(payment -> new Payment(payment.id(), payment.year(), payment.committedCents(),
                        payment.paidCents(), payment.paidOn())).toList())).toList();
    }

    /**
     * A three-year agreement from {@code startYear} with this yearly grant (2,000 € when left empty), and its three
     * yearly payment lines committed at the grant. Refused when it overlaps another agreement of the centre.
     */
    @Transactional
    Map<String, String> addAgreement(AgoraUser actor, long centreId, String startYear, String yearlyGrant) {
        requireStaff(actor);
        centres.findById(centreId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<String, String> problems = new LinkedHashMap<>();
        Integer start = year(startYear, LocalDate.now(clock.withZone(Clocks.PARIS)).getYear() + 5);
        if (start == null) {
            problems.put("startYear", "programmes.centre.agreement.error.startYear");
        }
        Long grant = CentreForm.strip(yearlyGrant).isEmpty() ? Long.valueOf(calendar.defaultYearlyGrantCents())
                : CentreAmounts.cents(yearlyGrant);
        if (grant == null) {
            problems.put("yearlyGrant", "programmes.centre.agreement.error.grant");
        }
        if (start != null && agreements.findByCentreIdOrderByStartYear(centreId).stream()
                .anyMatch(other -> other.overlaps(start))) {
            problems.put("startYear", "programmes.centre.agreement.error.overlap");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        CentreAgreement agreement = agreements.saveAndFlush(new CentreAgreement(centreId, start, grant, now()));
        for (int year = agreement.startYear(); year <= agreement.endYear(); year++) {
            payments.save(new CentrePayment(agreement.id(), year, grant));
        }
        payments.flush();
        return Map.of();
    }

    /** Records a year's payment: committed and paid amounts, and the day it was paid (required when anything is). */
    @Transactional
    Map<String, String> recordPayment(AgoraUser actor, long paymentId, String committed, String paid, String paidOn) {
        requireStaff(actor);
        CentrePayment payment = payments.findById(paymentId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<String, String> problems = new LinkedHashMap<>();
        Long committedCents = CentreAmounts.cents(committed);
        Long paidCents = CentreForm.strip(paid).isEmpty() ? Long.valueOf(0) : CentreAmounts.cents(paid);
        if (committedCents == null) {
            problems.put("committed", "programmes.centre.payment.error.amount");
        }
        if (paidCents == null) {
            problems.put("paid", "programmes.centre.payment.error.amount");
        } else if (committedCents != null && paidCents > committedCents) {
            problems.put("paid", "programmes.centre.payment.error.moreThanCommitted");
        }
        LocalDate date = null;
        if (!CentreForm.strip(paidOn).isEmpty()) {
            try {
                date = LocalDate.parse(CentreForm.strip(paidOn));
                if (date.getYear() < FIRST_YEAR || date.isAfter(LocalDate.now(clock.withZone(Clocks.PARIS)).plusDays(1))) {
                    problems.put("paidOn", "programmes.centre.payment.error.date");
                }
            } catch (DateTimeParseException e) {
                problems.put("paidOn", "programmes.centre.payment.error.date");
            }
        } else if (paidCents != null && paidCents > 0) {
            problems.put("paidOn", "programmes.centre.payment.error.dateRequired");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        payment.record(committedCents, paidCents, date);
        payments.flush();
        return Map.of();
    }

    @Transactional(readOnly = true)
    List<YearTotals> totalsPerYear() {
        return payments.totalsPerYear().stream().map(row -> new YearTotals(((Number) row[0]).intValue(),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue())).toList();
    }

    static Integer year(String typed, int latest) {
        String value = CentreForm.strip(typed);
        if (!value.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(value);
        return year < FIRST_YEAR || year > latest ? null : year;
    }

    // ----- Yearly reports -----

    /** The report of a year for the page, or an empty draft. */
    record ReportPage(CentreView centre, int year, LocalDate deadline, boolean submitted, java.time.ZonedDateTime submittedAt,
                      CentreReportForm form, boolean late) {
    }

    /** The years a report may be filed for: from the centre's first agreement (or the first year) to this one. */
    boolean reportableYear(int year) {
        return year >= FIRST_YEAR && year <= LocalDate.now(clock.withZone(Clocks.PARIS)).getYear();
    }

    @Transactional(readOnly = true)
    ReportPage reportPage(AgoraUser user, long centreId, int year) {
        CentreView centre = require(centreId);
        if (!mayFileReports(user, centre)) {
            throw new AccessDeniedException("Not a facilitator of this centre");
        }
        if (!reportableYear(year)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Optional<CentreReport> report = reports.findByCentreIdAndYear(centreId, year);
        LocalDate deadline = calendar.deadline(year);
        boolean submitted = report.map(CentreReport::submitted).orElse(false);
        return new ReportPage(centre, year, deadline, submitted, report.map(CentreReport::submittedAt).map(at -> at.atZone(Clocks.PARIS)).orElse(null),
                report.map(CentreReportForm::of).orElse(CentreReportForm.empty()),
                !submitted && calendar.today().isAfter(deadline));
    }

    /** What saving the report gave: the problems per field, or none; {@code alreadySubmitted} when it was closed. */
    record ReportSaved(Map<String, String> problems, boolean alreadySubmitted) {
    }

    /**
     * Writes the draft of a centre's report for a year (creating it if need be) and submits it when asked. Two first
     * saves at once make one report: the loser of the race (a unique-constraint violation) is retried by the caller
     * through {@link org.agora.shared.LostRaces} and then finds the row.
     */
    @Transactional
    ReportSaved saveReport(AgoraUser actor, long centreId, int year, CentreReportForm form, boolean submit) {
        CentreView centre = require(centreId);
        if (!mayFileReports(actor, centre)) {
            throw new AccessDeniedException("Not a facilitator of this centre");
        }
        if (!reportableYear(year)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return new ReportSaved(problems, false);
        }
        CentreReport report = reports.findByCentreIdAndYear(centreId, year).orElse(null);
        if (report != null && report.submitted()) {
            return new ReportSaved(Map.of(), true);
        }
        if (report == null) {
            report = new CentreReport(centreId, year);
        }
        report.write(form.check(), actor.id().value(), now());
        if (submit) {
            report.submit(actor.id().value(), now());
        }
        reports.saveAndFlush(report);
        return new ReportSaved(Map.of(), false);
    }

    /** One centre's place in a year's consolidation. */
    record ReportLine(CentreView centre, String state, boolean late, Integer peopleAccompanied, Integer sessions,
                      List<String> themes, String otherTheme) {
    }

    record TerritoryLine(String name, long centres, long received, long peopleAccompanied, long sessions) {
    }

    record Consolidation(int year, LocalDate deadline, List<ReportLine> lines, long expected, long received, long late,
                         long peopleAccompanied, long sessions, List<TerritoryLine> perDepartement,
                         Map<String, Long> themes) {
    }

    /**
     * A year across the network: every centre whose agreement covers the year (or that reported anyway), its report's
     * state, who is late, the totals of the submitted reports, per département and per theme.
     */
    @Transactional(readOnly = true)
    Consolidation consolidation(int year) {
        LocalDate deadline = calendar.deadline(year);
        boolean pastDeadline = calendar.today().isAfter(deadline);
        Set<Long> expectedIds = agreements.findByStartYearLessThanEqualAndEndYearGreaterThanEqual(year, year).stream()
                .map(CentreAgreement::centreId).collect(Collectors.toSet());
        Map<Long, CentreReport> byCentre = reports.findByYear(year).stream()
                .collect(Collectors.toMap(CentreReport::centreId, report -> report));
        List<CyberCentre> concerned = centres.findAllByOrderByName().stream()
                .filter(centre -> expectedIds.contains(centre.id()) || byCentre.containsKey(centre.id())).toList();
        List<ReportLine> lines = new ArrayList<>();
        Map<String, long[]> perDepartement = new TreeMap<>();
        Map<String, Long> themes = new LinkedHashMap<>();
        for (CentreTheme theme : CentreTheme.values()) {
            themes.put(theme.name(), 0L);
        }
        long received = 0;
        long late = 0;
        long people = 0;
        long sessions = 0;
        for (CentreView centre : views(concerned)) {
            CentreReport report = byCentre.get(centre.id());
            boolean submitted = report != null && report.submitted();
            boolean isLate = !submitted && pastDeadline;
            String state = submitted ? "SUBMITTED" : report != null ? "DRAFT" : "MISSING";
            long[] line = perDepartement.computeIfAbsent(centre.departementName() == null ? "—" : centre.departementName(),
                    key -> new long[4]);
            line[0]++;
            if (submitted) {
                received++;
                people += report.peopleAccompanied();
                sessions += report.sessions();
                line[1]++;
                line[2] += report.peopleAccompanied();
                line[3] += report.sessions();
                report.themes().forEach(theme -> themes.merge(theme.name(), 1L, Long::sum));
            }
            if (isLate) {
                late++;
            }
            lines.add(new ReportLine(centre, state, isLate, submitted ? report.peopleAccompanied() : null,
                    submitted ? report.sessions() : null,
                    submitted ? report.themes().stream().map(Enum::name).toList() : List.of(),
                    submitted ? report.otherTheme() : null));
        }
        return new Consolidation(year, deadline, lines, lines.size(), received, late, people, sessions,
                perDepartement.entrySet().stream().map(entry -> new TerritoryLine(entry.getKey(), entry.getValue()[0],
                        entry.getValue()[1], entry.getValue()[2], entry.getValue()[3])).toList(), themes);
    }

    @Transactional(readOnly = true)
    List<CentreReport> reportsOf(long centreId) {
        return reports.findByCentreIdOrderByYearDesc(centreId);
    }

    @Transactional(readOnly = true)
    Integer latestReportedYear() {
        return reports.latestSubmittedYear();
    }

    int currentYear() {
        return calendar.today().getYear();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
