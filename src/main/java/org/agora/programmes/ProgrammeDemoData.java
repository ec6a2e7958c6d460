package org.agora.programmes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationKind;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data: an open call for projects, and a closed call for applications with three
 * applications (one retained with its accompaniment sessions and a published showcase, one on the waiting list, one
 * not retained). participant@example.org acts for the commune of Saran, citoyen01@ for an association.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("agora.demo-data")
class ProgrammeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeDemoData.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Calls calls;
    private final FollowUps followUps;
    private final Applicants applicants;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final TerritoryDirectory territories;
    private final Clock clock;

    ProgrammeDemoData(NamedParameterJdbcTemplate jdbc, Calls calls, Applicants applicants,
                      OrganisationDirectory organisations, AccountManagement accounts, TerritoryDirectory territories,
                      FollowUps followUps, Clock clock) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.calls = calls;
        this.applicants = applicants;
        this.organisations = organisations;
        this.accounts = accounts;
        this.territories = territories;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!calls.all().isEmpty()) {
            return;
        }
        Optional<AgoraUser> agent = accounts.findByEmail("agent@example.org").flatMap(accounts::find);
        Optional<TerritoryView> region = territories.scopes().stream().findFirst();
        Optional<TerritoryView> saran = territories.findByCode(TerritoryKind.COMMUNE, "45302");
        Optional<TerritoryView> tours = territories.findByCode(TerritoryKind.COMMUNE, "37261");
        Optional<TerritoryView> bourges = territories.findByCode(TerritoryKind.COMMUNE, "18033");
        if (agent.isEmpty() || region.isEmpty() || saran.isEmpty() || tours.isEmpty() || bourges.isEmpty()) {
            log.info("Programmes demo data skipped: the demo accounts or territories are missing");
            return;
        }
        AgoraUser staff = agent.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        long commune = applicant(staff, "Commune de Saran", OrganisationKind.PUBLIC_BODY, saran.get(), ApplicantKind.COMMUNE,
                "participant@example.org");
        long association = applicant(staff, "Touraine Solidaire", OrganisationKind.ASSOCIATION, tours.get(),
                ApplicantKind.ASSOCIATION, "citoyen01@example.org");
        long epci = applicant(staff, "Communauté de communes Terres du Berry (démonstration)", OrganisationKind.PUBLIC_BODY,
                bourges.get(), ApplicantKind.EPCI, "citoyen02@example.org");

        long projects = calls.create(staff, new CallForm.Checked(CallKind.PROJECTS, "Appel à projets 2027 : outils numériques de participation",
                "La Région soutient les projets qui font participer les habitants avec des outils numériques reproductibles.\n\n"
                        + "Subvention de 60 % du coût éligible, plafonnée à 20 000 €.", region.get().id(),
                Set.of(ApplicantKind.values()), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(40)),
                List.of("Budget prévisionnel", "Délibération ou décision de l’organe compétent"), 5, 60, 20_000_00L, 5));
        calls.addField(staff, projects, "LONG_TEXT", "Description du projet", "Ce que vous ferez, avec qui, quand.", true, "");
        calls.addField(staff, projects, "CHOICE", "Participation visée", "", true, "Consultation\nConcertation\nExpression");
        calls.addField(staff, projects, "NUMBER", "Nombre d’habitants concernés", "", false, "");

        long applications = calls.create(staff, new CallForm.Checked(CallKind.APPLICATIONS,
                "Appel à candidatures 2026 : territoires pilotes de la participation",
                "Dix territoires pilotes reçoivent chacun cinq jours d’accompagnement par un prestataire pour lancer leur "
                        + "démarche participative.", region.get().id(),
                Set.of(ApplicantKind.COMMUNE, ApplicantKind.EPCI, ApplicantKind.PAYS, ApplicantKind.ASSOCIATION),
                now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(60)), List.of(), 10, 60, 20_000_00L, 5));
        calls.addField(staff, applications, "LONG_TEXT", "Votre démarche participative", "", true, "");
        long field = calls.fields(applications).getFirst().id();

        Instant submitted = now.minus(Duration.ofDays(70));
        Instant decided = now.minus(Duration.ofDays(45));
        long retained = application(applications, commune, "Saran : un budget participatif de quartier", "RETAINED",
                "Projet solide, fort soutien des élus et des habitants.", staff, submitted, decided, field,
                "Nous voulons associer les habitants des quartiers à l’usage d’une part du budget d’investissement.");
        application(applications, association, "Touraine Solidaire : ateliers citoyens itinérants", "WAITING_LIST",
                "Projet intéressant ; retenu si une place se libère.", staff, submitted, decided, field,
                "Des ateliers itinérants dans les villages pour recueillir la parole des habitants.");
        application(applications, epci, "Terres du Berry : conseil de développement", "NOT_RETAINED",
                "Le projet relève d’une obligation légale déjà financée.", staff, submitted, decided, field,
                "Installer le conseil de développement de la communauté de communes.");

        jdbc.update("INSERT INTO programme_accompaniment (application_id, contractor_name, contractor_email, days_allotted) "
                + "VALUES (:id, 'Cabinet Concertations & Territoires', 'contact@concertations.example.org', 5)",
                Map.of("id", retained));
        session(retained, decided.plus(Duration.ofDays(10)), 2, "Cadrage de la démarche", "Rencontre avec les élus et les services.", staff);
        session(retained, decided.plus(Duration.ofDays(24)), 3, "Préparation des ateliers", "Choix des quartiers et des lieux.", staff);
        followUps.writeShowcase(staff, retained,
                "Quatre ateliers de quartier, une plateforme de dépôt d’idées et un vote ouvert à tous les habitants.",
                "Ateliers en présentiel, plateforme Agora, urnes mobiles au marché.",
                "312 participants, 46 idées déposées, 7 projets financés par la commune.", true);
        log.info("Programmes demo data: two calls, three applications");
    }

    private long applicant(AgoraUser staff, String name, OrganisationKind kind, TerritoryView commune,
                           ApplicantKind applicantKind, String memberEmail) {
        long organisation = organisations.create(staff, new OrganisationDraft(name, kind, commune.id(), null, null)).value();
        applicants.register(staff, organisation, applicantKind);
        accounts.findByEmail(memberEmail).ifPresent(account -> applicants.add(organisation, account.value()));
        return organisation;
    }

    private long application(long callId, long organisation, String title, String status, String reason, AgoraUser staff,
                             Instant submitted, Instant decided, long fieldId, String answer) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO programme_application (call_id, organisation_id, status, title, decision_reason, decided_at, "
                + "decided_by, created_by, created_at, updated_at, submitted_at) VALUES (:call, :organisation, :status, "
                + ":title, :reason, :decided, :by, :by, :submitted, :decided, :submitted)", new MapSqlParameterSource("call", callId)
                .addValue("organisation", organisation).addValue("status", status).addValue("title", title)
                .addValue("reason", reason).addValue("decided", Rows.timestamp(decided)).addValue("by", staff.id().value())
                .addValue("submitted", Rows.timestamp(submitted)), key, new String[] {"id"});
        long id = key.getKey().longValue();
        jdbc.update("INSERT INTO programme_answer (application_id, field_id, answer) VALUES (:id, :field, :value)",
                Map.of("id", id, "field", fieldId, "value", answer));
        return id;
    }

    private void session(long applicationId, Instant on, int halfDays, String topic, String notes, AgoraUser staff) {
        jdbc.update("INSERT INTO programme_session (application_id, held_on, half_days, topic, notes, logged_by) VALUES "
                + "(:id, :on, :half, :topic, :notes, :by)", new MapSqlParameterSource("id", applicationId)
                .addValue("on", Rows.date(LocalDate.ofInstant(on, org.agora.shared.Clocks.PARIS))).addValue("half", halfDays)
                .addValue("topic", topic).addValue("notes", notes).addValue("by", staff.id().value()));
    }
}
