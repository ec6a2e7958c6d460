package org.agora.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.agora.processes.ProcessCatalog;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.PublicProposal;
import org.agora.shared.Clocks;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data, after the processes and proposals: a charter of eight articles, four ambitions,
 * eleven objectives, seven work programmes with milestones and updates, immediate measures, two transmissions (one
 * answered) and two referrals (one with an opinion), some of them fed by demo proposals. Written through the use cases.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("agora.demo-data")
class CharterDemoData implements ApplicationRunner {

    static final String PROCESS = "democratie-permanente-centre-val-de-loire";

    private static final List<String[]> ARTICLES = List.of(
            new String[] {"Écouter chaque voix", "Toute personne qui vit, étudie ou travaille en Centre-Val de Loire peut proposer, débattre et soutenir.\n\nLa Région va chercher celles et ceux qu’on entend le moins : jeunes, habitants des zones rurales, personnes éloignées du numérique."},
            new String[] {"Répondre à chaque proposition", "Chaque proposition reçoit une réponse publique et motivée, qu’elle soit retenue ou non."},
            new String[] {"Rendre compte dans la durée", "Ce que deviennent les propositions est suivi et publié : chantiers, mesures, transmissions, avis."},
            new String[] {"Transparence des décisions", "Les critères d’examen, les calendriers et les arbitrages sont publics."},
            new String[] {"Respect et bienveillance", "Les échanges se font dans le respect des personnes ; la modération applique des règles publiques."},
            new String[] {"Protection des données", "Les données personnelles sont limitées au nécessaire et ne sont jamais revendues."},
            new String[] {"Accessibilité", "Les outils et les réunions sont accessibles à toutes et tous, en ligne comme en présentiel."},
            new String[] {"Indépendance de l’évaluation", "Le CESER et le Conseil régional des jeunes peuvent être saisis et rendre un avis public sur la démarche."});

    private final CharterArticles charter;
    /**
     * The process theme each demo programme and measure belongs to, so that the demo evaluation links a proposal to a
     * target of its own theme (a cycling proposal feeds the cycling plan, not the health centres).
     */
    static final Map<String, String> THEMES = Map.of(
            "Cars express entre bassins de vie", "Mobilités",
            "Plan vélo régional", "Mobilités",
            "Rénovation énergétique des lycées", "Transition écologique",
            "Cantines des lycées 100 % locales", "Transition écologique",
            "Centres de santé pour les jeunes", "Santé",
            "Conseillers numériques dans les bassins de vie", "Formation et emploi",
            "Panels citoyens départementaux", "Démocratie et citoyenneté",
            "Gratuité des TER le week-end pour les moins de 26 ans", "Mobilités",
            "Abris vélos sécurisés dans vingt gares", "Mobilités",
            "Une réponse à chaque proposition sous trois mois", "Démocratie et citoyenneté");

    private final WorkProgrammes programmes;
    private final ImmediateMeasures measures;
    private final Transmissions transmissions;
    private final Referrals referrals;
    private final Contributions contributions;
    private final ProposalCatalog proposals;
    private final ProcessCatalog processes;
    private final Clock clock;

    CharterDemoData(CharterArticles charter, WorkProgrammes programmes, ImmediateMeasures measures, Transmissions transmissions,
                    Referrals referrals, Contributions contributions, ProposalCatalog proposals, ProcessCatalog processes, Clock clock) {
        this.charter = charter;
        this.programmes = programmes;
        this.measures = measures;
        this.transmissions = transmissions;
        this.referrals = referrals;
        this.contributions = contributions;
        this.proposals = proposals;
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!charter.all().isEmpty() || !programmes.tree().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.PARIS));
        for (int i = 0; i < ARTICLES.size(); i++) {
            charter.create(String.valueOf(i + 1), ARTICLES.get(i)[0], ARTICLES.get(i)[1]);
        }
        List<PublicProposal> fed = proposals.allPublic().stream()
                .filter(proposal -> proposal.path().startsWith("/processes/" + PROCESS + "/") && !proposal.hidden())
                .toList();

        long mobility = programmes.addAmbition("Se déplacer librement partout en Centre-Val de Loire",
                "Des transports publics fiables, du car express au vélo, pour que personne ne dépende de la voiture.");
        long ecology = programmes.addAmbition("Réussir la transition écologique",
                "Rénover, produire local et préserver l’eau et la biodiversité de la Loire à la Beauce.");
        long youth = programmes.addAmbition("Donner toutes ses chances à la jeunesse",
                "Former, loger et associer les jeunes aux décisions qui les concernent.");
        long democracy = programmes.addAmbition("Faire vivre une démocratie permanente",
                "Associer les habitants toute l’année et rendre compte de ce que deviennent leurs propositions.");

        long rural = programmes.addObjective(mobility, "Relier les territoires ruraux aux villes");
        long cycling = programmes.addObjective(mobility, "Développer le vélo au quotidien");
        long train = programmes.addObjective(mobility, "Moderniser les lignes TER");
        long renovation = programmes.addObjective(ecology, "Rénover les bâtiments publics");
        long food = programmes.addObjective(ecology, "Nourrir les lycées avec des produits locaux");
        long water = programmes.addObjective(ecology, "Protéger la ressource en eau");
        long training = programmes.addObjective(youth, "Former aux métiers d’avenir");
        long health = programmes.addObjective(youth, "Faciliter l’accès aux soins des jeunes");
        long housing = programmes.addObjective(youth, "Loger les apprentis et les étudiants");
        long participation = programmes.addObjective(democracy, "Associer les habitants toute l’année");
        long digital = programmes.addObjective(democracy, "Réduire la fracture numérique");

        WorkProgrammes.Programme cars = programme(rural, "Cars express entre bassins de vie",
                "Des lignes de car rapides et cadencées relient les bassins de vie ruraux aux préfectures.", today,
                65, WorkProgrammeStatus.ONGOING, "Trois premières lignes ouvertes entre Châteaudun, Vendôme et Blois.");
        programmes.addMilestone(cars.id(), "Études de tracé", today.minusMonths(8).toString(), today.minusMonths(7).toString());
        programmes.addMilestone(cars.id(), "Ouverture des trois premières lignes", today.minusMonths(2).toString(), today.minusMonths(2).toString());
        programmes.addMilestone(cars.id(), "Ouverture de l’ensemble du réseau", today.plusMonths(6).toString(), null);
        WorkProgrammes.Programme bikes = programme(cycling, "Plan vélo régional",
                "Des itinéraires cyclables continus entre gares, lycées et zones d’activité.", today,
                30, WorkProgrammeStatus.ONGOING, "Premier appel à projets lancé auprès des intercommunalités.");
        programmes.addMilestone(bikes.id(), "Appel à projets", today.minusMonths(1).toString(), today.minusMonths(1).toString());
        programmes.addMilestone(bikes.id(), "Premiers itinéraires livrés", today.plusMonths(9).toString(), null);
        WorkProgrammes.Programme schools = programme(renovation, "Rénovation énergétique des lycées",
                "Isoler et chauffer autrement les lycées les plus énergivores.", today,
                100, WorkProgrammeStatus.DONE, "Les douze lycées prioritaires sont rénovés.");
        WorkProgrammes.Programme canteens = programme(food, "Cantines des lycées 100 % locales",
                "Des produits locaux et de saison dans toutes les cantines des lycées.", today,
                45, WorkProgrammeStatus.ONGOING, "La moitié des lycées travaille avec une plateforme d’approvisionnement local.");
        WorkProgrammes.Programme doctors = programme(health, "Centres de santé pour les jeunes",
                "Des consultations sans avance de frais pour les 16-25 ans dans chaque département.", today,
                0, null, null);
        WorkProgrammes.Programme connected = programme(digital, "Conseillers numériques dans les bassins de vie",
                "Un accompagnement de proximité pour les démarches en ligne.", today,
                20, WorkProgrammeStatus.ONGOING, "Dix conseillers recrutés.");
        WorkProgrammes.Programme panels = programme(participation, "Panels citoyens départementaux",
                "Six panels tirés au sort suivent les chantiers et rendent un avis chaque année.", today,
                0, null, null);

        ImmediateMeasures.Measure trains = measures.create("Gratuité des TER le week-end pour les moins de 26 ans",
                "Les jeunes voyagent gratuitement sur le réseau Rémi le samedi et le dimanche.",
                ImmediateMeasureStatus.DECIDED.name(), today.minusMonths(3).toString());
        measures.changeStatus(trains.id(), ImmediateMeasureStatus.DONE.name(), today.minusMonths(1).toString(), "En place depuis la rentrée.");
        ImmediateMeasures.Measure shelters = measures.create("Abris vélos sécurisés dans vingt gares",
                "Des abris fermés et gratuits pour les abonnés du TER.", ImmediateMeasureStatus.DECIDED.name(),
                today.minusMonths(2).toString());
        measures.changeStatus(shelters.id(), ImmediateMeasureStatus.ONGOING.name(), today.minusWeeks(2).toString(), "Huit gares équipées.");
        ImmediateMeasures.Measure answers = measures.create("Une réponse à chaque proposition sous trois mois",
                "Chaque proposition reçoit une réponse publique dans les trois mois.", ImmediateMeasureStatus.DECIDED.name(),
                today.minusWeeks(1).toString());

        long state = transmissions.create("Préfecture de la région Centre-Val de Loire", TransmissionLevel.STATE.name(),
                "Sécurité des passages à niveau", "Des propositions demandent de sécuriser les passages à niveau des lignes rurales.",
                today.minusMonths(4).toString());
        transmissions.recordReply(state, "L’État a inscrit quatre passages à niveau au programme de sécurisation de l’an prochain.",
                today.minusMonths(1).toString());
        long metropole = transmissions.create("Tours Métropole Val de Loire", TransmissionLevel.EPCI.name(),
                "Horaires du tramway le dimanche", "Des habitants demandent un tramway plus fréquent le dimanche.",
                today.minusWeeks(3).toString());

        List<Referrals.AdvisoryBody> bodies = referrals.bodies();
        long ceser = bodies.stream().filter(body -> body.name().startsWith("CESER")).findFirst().orElseThrow().id();
        long jeunes = bodies.stream().filter(body -> body.name().startsWith("Conseil régional des jeunes")).findFirst().orElseThrow().id();
        Long processId = processes.allPublic().stream().filter(process -> process.slug().equals(PROCESS))
                .map(process -> process.id().value()).findFirst().orElse(null);
        long ceserReferral = referrals.create(String.valueOf(ceser),
                "Comment la Région peut-elle rendre compte de la démocratie permanente de façon lisible et vérifiable ?",
                today.minusWeeks(2).toString(), processId);
        referrals.recordOpinion(ceserReferral, "Le CESER salue la démarche et recommande un bilan annuel public, débattu en session, "
                + "ainsi qu’un suivi chiffré de chaque chantier.", today.minusWeeks(3).toString(), null);
        long youthReferral = referrals.create(String.valueOf(jeunes),
                "Quelles priorités pour les mobilités des jeunes dans les territoires ruraux ?", today.plusMonths(2).toString(), processId);

        // The answers of the demo evaluation (EvaluationDemoData, run next) link proposals to the charter, programmes,
        // measures and transmissions; the referral gets the latest proposal, which that evaluation leaves unassigned.
        fed.stream().max(java.util.Comparator.comparing(PublicProposal::publishedAt))
                .ifPresent(latest -> contributions.link(ContributionKind.REFERRAL, youthReferral, latest.id()));
    }

    /** A programme with, when given, one update that sets its status and progress. */
    private WorkProgrammes.Programme programme(long objective, String title, String description, LocalDate today, int progress,
                                               WorkProgrammeStatus status, String update) {
        WorkProgrammes.Programme programme = programmes.addProgramme(objective, title, description);
        if (status != null) {
            if (progress > 20) {
                programmes.postUpdate(programme.id(), today.minusMonths(4).toString(), "Lancement du chantier et premières études.",
                        String.valueOf(progress / 3), WorkProgrammeStatus.ONGOING.name());
            }
            programmes.postUpdate(programme.id(), today.minusWeeks(2).toString(), update, String.valueOf(progress), status.name());
        }
        return programme;
    }
}
