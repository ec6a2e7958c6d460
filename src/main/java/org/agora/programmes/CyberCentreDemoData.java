package org.agora.programmes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.agora.accounts.AccountManagement;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data: eight invented cyber-centres over the six départements, each under a three-year
 * agreement that began two years ago; last year's reports from seven of them (the Montargis one is a late draft),
 * two training modules with a session last year. Inès Ambassadrice runs the Vendôme centre, Lucas Animateur the Tours one.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("agora.demo-data")
class CyberCentreDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CyberCentreDemoData.class);

    private record Demo(String name, String address, String commune, double latitude, double longitude,
                        String contact, String email, String phone, String facilitator, int people, int sessions,
                        Set<CentreTheme> themes) {
    }

    private static final List<String> WEEKDAYS = List.of("9 h – 12 h, 14 h – 18 h", "14 h – 18 h", "9 h – 12 h, 14 h – 18 h",
            "14 h – 18 h", "9 h – 12 h, 14 h – 17 h", "9 h – 12 h", "");

    private static final List<Demo> CENTRES = List.of(
            new Demo("Espace numérique de la Source", "12 place Albert-Camus", "45234", 47.84510, 1.93580,
                    "Samira Benali", "numerique-source@example.org", "02 38 00 10 01", null, 412, 156,
                    Set.of(CentreTheme.ONLINE_PROCEDURES, CentreTheme.EMAIL_AND_ACCOUNTS, CentreTheme.JOB_SEARCH)),
            new Demo("Cyber-base du Montargois", "3 rue Gambetta", "45208", 47.99750, 2.73330,
                    "Julien Morel", "cyberbase-montargis@example.org", "02 38 00 10 02", null, 0, 0, Set.of()),
            new Demo("Médiathèque François-Mitterrand — espace multimédia", "2 esplanade François-Mitterrand", "37261",
                    47.39414, 0.68484, "Claire Dubois", "multimedia-tours@example.org", "02 47 00 10 03",
                    "animateur@example.org", 538, 201,
                    Set.of(CentreTheme.DEVICE_BASICS, CentreTheme.ONLINE_SAFETY, CentreTheme.CITIZEN_PARTICIPATION)),
            new Demo("Point numérique d’Amboise", "8 quai du Général-de-Gaulle", "37003", 47.41250, 0.98250,
                    "Hugo Lefèvre", "numerique-amboise@example.org", "02 47 00 10 04", null, 167, 64,
                    Set.of(CentreTheme.ONLINE_PROCEDURES, CentreTheme.DEVICE_BASICS)),
            new Demo("Cyber-centre du Val d’Auron", "21 boulevard de l’Avenir", "18033", 47.08100, 2.39880,
                    "Fatou Diallo", "cyber-bourges@example.org", "02 48 00 10 05", null, 296, 118,
                    Set.of(CentreTheme.ONLINE_PROCEDURES, CentreTheme.JOB_SEARCH, CentreTheme.OFFICE_TOOLS)),
            new Demo("Espace public numérique de Beaulieu", "5 rue de la Mare", "28085", 48.44390, 1.48900,
                    "Marc Rousseau", "epn-chartres@example.org", "02 37 00 10 06", null, 244, 97,
                    Set.of(CentreTheme.EMAIL_AND_ACCOUNTS, CentreTheme.ONLINE_SAFETY)),
            new Demo("Atelier numérique du Vendômois", "14 faubourg Chartrain", "41269", 47.79280, 1.06560,
                    "Inès Ambassadrice", "numerique-vendome@example.org", "02 54 00 10 07", "ambassadrice@example.org",
                    189, 83, Set.of(CentreTheme.DEVICE_BASICS, CentreTheme.CITIZEN_PARTICIPATION)),
            new Demo("Cyber-centre Saint-Jean", "1 avenue de la Manufacture", "36044", 46.81030, 1.69110,
                    "Nadia Haddad", "cyber-chateauroux@example.org", "02 54 00 10 08", null, 331, 142,
                    Set.of(CentreTheme.ONLINE_PROCEDURES, CentreTheme.EMAIL_AND_ACCOUNTS, CentreTheme.JOB_SEARCH)));

    private final CyberCentres centres;
    private final CentreAgreements agreements;
    private final CentrePayments payments;
    private final CentreReports reports;
    private final TrainingModules modules;
    private final TrainingSessions sessions;
    private final CyberCentreNetwork network;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CyberCentreDemoData(CyberCentres centres, CentreAgreements agreements, CentrePayments payments,
                        CentreReports reports, TrainingModules modules, TrainingSessions sessions,
                        CyberCentreNetwork network, TerritoryDirectory territories, AccountManagement accounts,
                        JdbcTemplate jdbc, Clock clock) {
        this.centres = centres;
        this.agreements = agreements;
        this.payments = payments;
        this.reports = reports;
        this.modules = modules;
        this.sessions = sessions;
        this.network = network;
        this.territories = territories;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (centres.count() > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int thisYear = LocalDate.now(clock.withZone(Clocks.PARIS)).getYear();
        int lastYear = thisYear - 1;
        int start = thisYear - 2;
        List<Long> facilitators = new ArrayList<>();
        int written = 0;
        for (Demo demo : CENTRES) {
            var commune = territories.findByCode(TerritoryKind.COMMUNE, demo.commune());
            if (commune.isEmpty()) {
                continue;
            }
            List<String> hours = new ArrayList<>(WEEKDAYS);
            CyberCentre centre = new CyberCentre(new CentreForm.Checked(demo.name(), demo.address(), commune.get().id(),
                    network.departementOf(commune.get().id()), demo.contact(), demo.email(), demo.phone(), hours,
                    BigDecimal.valueOf(demo.latitude()), BigDecimal.valueOf(demo.longitude()), CentreStatus.ACTIVE), now);
            Long facilitator = demo.facilitator() == null ? null
                    : accounts.findByEmail(demo.facilitator()).map(id -> id.value()).orElse(null);
            if (facilitator != null) {
                centre.addFacilitator(facilitator);
                facilitators.add(facilitator);
            }
            centre = centres.saveAndFlush(centre);
            CentreAgreement agreement = agreements.saveAndFlush(new CentreAgreement(centre.id(), start, 200_000L, now));
            for (int year = start; year <= agreement.endYear(); year++) {
                CentrePayment payment = new CentrePayment(agreement.id(), year, 200_000L);
                if (year < thisYear) {
                    payment.record(200_000L, 200_000L, LocalDate.of(year, 4, 15));
                } else if (written % 2 == 0) {
                    payment.record(200_000L, 100_000L, LocalDate.of(year, 4, 15));
                }
                payments.save(payment);
            }
            for (int year = start; year <= lastYear; year++) {
                boolean lateDraft = demo.people() == 0 && year == lastYear;
                CentreReport report = new CentreReport(centre.id(), year);
                int people = demo.people() == 0 ? 120 : demo.people() - (lastYear - year) * 40;
                report.write(new CentreReportForm.Checked(people, Math.max(demo.sessions() - (lastYear - year) * 10, 30),
                        demo.themes().isEmpty() ? Set.of(CentreTheme.ONLINE_PROCEDURES) : demo.themes(),
                        year == lastYear && written == 2 ? "Aide aux déclarations d’impôts" : null,
                        year == lastYear ? "Année chargée : beaucoup de personnes âgées pour leurs démarches en ligne." : null),
                        facilitator, now);
                if (!lateDraft) {
                    report.submit(facilitator, LocalDate.of(year + 1, 1, 20).atStartOfDay(Clocks.PARIS).toInstant());
                }
                reports.save(report);
            }
            written++;
        }
        TrainingModule welcome = modules.save(new TrainingModule("Accueillir et accompagner les publics",
                "Repérer les besoins, accompagner sans faire à la place, orienter vers les bons services.", 1, 180));
        modules.save(new TrainingModule("Participer en ligne : la plateforme Agora",
                "Aider chacun à proposer, commenter et suivre une démarche de participation en ligne.", 2, 120));
        TrainingSession session = sessions.saveAndFlush(new TrainingSession(welcome.id(),
                LocalDateTime.of(lastYear, 3, 12, 14, 0).atZone(Clocks.PARIS).toInstant(),
                "Hôtel de Région, Orléans", false, "Nadia Formatrice"));
        facilitators.forEach(account -> jdbc.update(
                "INSERT INTO training_attendance (session_id, account_id, present) VALUES (?, ?, TRUE)", session.id(), account));
        log.info("Demo data: {} cyber-centres with agreements, reports and a training session", written);
    }
}
