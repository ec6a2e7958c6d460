package org.agora.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.PublicProcess;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo meetings of process 1: the citizen tour (a stop in most living areas, past and upcoming), the Fabriks
 * (one run by animateur@ in their living area), a seminar cycle (a past seminar with 75 registrations, an upcoming one
 * nearly full, one full with a waiting list) and a webinar. Registrations are written directly, without mails, so
 * that the first start stays fast.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("agora.demo-data")
class MeetingDemoData implements ApplicationRunner {

    static final String PROCESS = "democratie-permanente-centre-val-de-loire";
    private static final Logger log = LoggerFactory.getLogger(MeetingDemoData.class);
    private static final String ORGANISER = "Région Centre-Val de Loire";

    private final Meetings meetings;
    private final Registrations registrations;
    private final TerritoryDirectory territories;
    private final ProcessCatalog processes;
    private final AccountManagement accounts;
    private final Clock clock;

    MeetingDemoData(Meetings meetings, Registrations registrations, TerritoryDirectory territories,
                    ProcessCatalog processes, AccountManagement accounts, Clock clock) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.territories = territories;
        this.processes = processes;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<PublicProcess> process = processes.allPublic().stream().filter(p -> p.slug().equals(PROCESS)).findFirst();
        AgoraUser agent = accounts.findByEmail("agent@example.org").flatMap(accounts::find).orElse(null);
        if (process.isEmpty() || agent == null || !meetings.allSeries().isEmpty()) {
            return;
        }
        long processId = process.get().id().value();
        long organiser = agent.id().value();
        List<TerritoryView> areas = territories.scopes().stream()
                .filter(scope -> scope.kind() == TerritoryKind.LIVING_AREA).toList();
        if (areas.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.PARIS));
        int created = 0;

        long tour = meetings.insertSeries("tournee-citoyenne", SeriesKind.CITIZEN_TOUR, "La tournée citoyenne",
                "Les élus et les équipes de la Région viennent à votre rencontre dans chaque bassin de vie : un temps "
                        + "d'écoute, de questions et de propositions, au plus près de chez vous.", processId);
        int stops = Math.max(1, areas.size() * 4 / 5);
        for (int i = 0; i < stops; i++) {
            TerritoryView area = areas.get(i);
            LocalDate day = today.plusDays((i - stops * 2L / 3) * 6L);
            publish(new MeetingDetails(tour, MeetingKind.TOUR_STOP, MeetingFormat.IN_PERSON,
                    "Tournée citoyenne — " + area.name(), "Étape de la tournée citoyenne dans le bassin de vie de "
                    + area.name() + " : présentation de la démarche, échanges et recueil de vos propositions.",
                    at(day, 18, 0), at(day, 20, 30), processId, area.id(), commune(area), "Salle des fêtes, place de la Mairie",
                    null, ORGANISER, false, 120, true, null, null), organiser);
            created++;
        }

        long fabriks = meetings.insertSeries("fabriks", SeriesKind.FABRIKS, "Les Fabriks",
                "Dans chaque bassin de vie, une Fabrik animée par des bénévoles : un atelier pour construire ensemble des "
                        + "propositions concrètes.", processId);
        List<TerritoryView> fabrikAreas = new ArrayList<>(areas.subList(0, Math.min(6, areas.size())));
        AgoraUser facilitator = accounts.findByEmail("animateur@example.org").flatMap(accounts::find).orElse(null);
        Long facilitatorArea = facilitator == null ? null : facilitator.scopesOf(Role.FACILITATOR).stream()
                .filter(scope -> scope.kind() == RoleScope.Kind.TERRITORY).map(RoleScope::id).findFirst().orElse(null);
        for (int i = 0; i < fabrikAreas.size(); i++) {
            TerritoryView area = fabrikAreas.get(i);
            LocalDate day = today.plusDays(10 + i * 9L);
            publish(new MeetingDetails(fabriks, MeetingKind.FABRIK, MeetingFormat.IN_PERSON, "Fabrik — " + area.name(),
                    "Atelier de co-construction : en petits groupes, nous partons de vos idées pour écrire des "
                            + "propositions. Animé par des bénévoles du bassin de vie.", at(day, 14, 0), at(day, 17, 0),
                    processId, area.id(), commune(area), "Médiathèque", null, "Les animateurs bénévoles", false, 30,
                    true, null, null), organiser);
            created++;
        }
        if (facilitator != null && facilitatorArea != null) {
            TerritoryView area = territories.find(facilitatorArea).orElseThrow();
            LocalDate day = today.plusDays(25);
            publish(new MeetingDetails(fabriks, MeetingKind.FABRIK, MeetingFormat.IN_PERSON,
                    "Fabrik des mobilités — " + area.name(), "Une Fabrik consacrée aux mobilités du quotidien.",
                    at(day, 18, 0), at(day, 21, 0), processId, area.id(), commune(area), "Maison des associations",
                    null, facilitator.pseudonym(), false, 25, true, null, null), facilitator.id().value());
            created++;
        }

        long cycle = meetings.insertSeries("seminaires-democratie-permanente", SeriesKind.SEMINAR_CYCLE,
                "Les séminaires de la démocratie permanente", "Trois séminaires régionaux réunissent citoyens, élus, "
                        + "associations et agents pour faire le point et décider des suites.", processId);
        TerritoryView region = territories.scopes().stream().min(Comparator.comparingInt(scope -> scope.kind().ordinal()))
                .orElse(areas.get(0));
        List<AgoraUser> citizens = citizens();
        long past = publish(seminar(cycle, processId, region, "Séminaire 1 — Lancement", today.minusDays(40), 90, areas), organiser);
        fill(past, citizens, 75, 0);
        long nearlyFull = publish(seminar(cycle, processId, region, "Séminaire 2 — Les chantiers", today.plusDays(20), 30, areas), organiser);
        fill(nearlyFull, citizens, 27, 0);
        long full = publish(seminar(cycle, processId, region, "Séminaire 3 — Bilan et suites", today.plusDays(45), 20, areas), organiser);
        fill(full, citizens, 20, 5);
        created += 3;

        LocalDate webinarDay = today.plusDays(12);
        publish(new MeetingDetails(null, MeetingKind.WEBINAR, MeetingFormat.ONLINE, "Webinaire — Comment déposer une proposition",
                "Une heure pour découvrir la plateforme et poser vos questions.", at(webinarDay, 12, 30),
                at(webinarDay, 13, 30), processId, region.id(), null, null, "https://visio.example.org/democratie-permanente",
                ORGANISER, false, null, true, null, null), organiser);
        created++;
        log.info("Demo meetings created: {}", created);
    }

    private MeetingDetails seminar(long cycle, long processId, TerritoryView region, String title, LocalDate day,
                                   int capacity, List<TerritoryView> areas) {
        return new MeetingDetails(cycle, MeetingKind.SEMINAR, MeetingFormat.HYBRID, title,
                "Séminaire régional : ateliers le matin, restitution et débat l'après-midi. Suivi possible en ligne.",
                at(day, 9, 30), at(day, 17, 0), processId, region.id(), commune(areas.get(0)), "Hôtel de Région, 9 rue Saint-Pierre-Lentin",
                "https://visio.example.org/seminaire", ORGANISER, false, capacity, true, null, null);
    }

    private long publish(MeetingDetails details, long organiser) {
        long id = meetings.insert(details, organiser, Tokens.newToken(), clock.instant());
        meetings.changeStatus(id, MeetingStatus.PUBLISHED, clock.instant());
        return id;
    }

    /** Confirmed registrations from the demo citizens first, then guests; then {@code waiting} on the waiting list. */
    private void fill(long meetingId, List<AgoraUser> citizens, int confirmed, int waiting) {
        Instant now = clock.instant();
        for (int i = 0; i < confirmed + waiting; i++) {
            RegistrationStatus status = i < confirmed ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
            Long account = i < citizens.size() ? citizens.get(i).id().value() : null;
            String name = account != null ? citizens.get(i).pseudonym() : "Invité·e " + (i + 1);
            String email = account != null ? citizens.get(i).email() : "invite" + (i + 1) + "@example.org";
            registrations.insert(new Registrations.NewRegistration(meetingId, account, name, email, "fr", status,
                    i % 17 == 5 ? "Accès en fauteuil roulant" : null, null, null, Tokens.hash(Tokens.newToken())),
                    Tokens.newCode(), now.plusMillis(i));
            meetings.changeCounts(meetingId, status == RegistrationStatus.CONFIRMED ? 1 : 0,
                    status == RegistrationStatus.WAITING ? 1 : 0);
        }
    }

    private List<AgoraUser> citizens() {
        List<AgoraUser> citizens = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            accounts.findByEmail(String.format("citoyen%02d@example.org", i)).flatMap(accounts::find).ifPresent(citizens::add);
        }
        return citizens;
    }

    /** The first commune of a living area, for the demo address. */
    private Long commune(TerritoryView area) {
        return territories.selfAndDescendants(area.id()).stream().filter(id -> id != area.id()).min(Long::compare)
                .orElse(null);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(Clocks.PARIS).toInstant();
    }
}
