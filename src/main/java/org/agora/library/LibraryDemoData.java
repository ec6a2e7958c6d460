package org.agora.library;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.agora.accounts.AccountManagement;
import org.agora.organisations.OrganisationDirectory;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
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
 * On a first start with demo data, after the organisations: twelve invented initiatives across the six départements
 * and the kinds (one more waiting for review, proposed by participant@example.org), eight resources (the charter as a
 * small generated PDF, text files, a video link) and a few members of the regional network.
 */
@Component
@Order(57)
@ConditionalOnBooleanProperty("agora.demo-data")
class LibraryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LibraryDemoData.class);

    private record Demo(String title, InitiativeKind kind, String commune, String organisation, String summary,
                        String tools, int year, String results, String lessons, String contact, String tags) {
    }

    private static final List<Demo> INITIATIVES = List.of(
            new Demo("Budget participatif des quartiers d’Orléans", InitiativeKind.PARTICIPATORY_BUDGET, "45234",
                    "Association Loire Vivante Orléans",
                    "Les habitants de six quartiers ont proposé puis choisi par vote des projets d’aménagement financés sur une enveloppe de 300 000 euros.",
                    "Plateforme en ligne, urnes mobiles sur les marchés, ateliers d’accompagnement des porteurs", 2024,
                    "142 projets déposés, 4 800 votants, 19 projets réalisés en dix-huit mois.",
                    "Ce qui a marché : les urnes sur les marchés ont doublé la participation des plus de 60 ans. Ce qui n’a pas marché : trop de projets irréalisables faute d’étude technique en amont.",
                    "Sophie Lemaire", "budget participatif, quartiers, vote"),
            new Demo("Conseil municipal des jeunes de Saran", InitiativeKind.CIVIC_EDUCATION, "45302", null,
                    "Vingt-quatre collégiens élus pour deux ans préparent des projets pour la ville et découvrent le fonctionnement d’une commune.",
                    "Élections dans les collèges, commissions thématiques, visite du conseil régional", 2023,
                    "Une piste de skate conçue avec les jeunes, une campagne contre le harcèlement.",
                    "Ce qui a marché : des commissions courtes, le mercredi après-midi. Ce qui n’a pas marché : peu de suivi après la fin du mandat.",
                    "Marc Duval", "jeunesse, citoyenneté, collège"),
            new Demo("Concertation sur les mobilités douces à Tours", InitiativeKind.CONCERTATION, "37261",
                    "Collectif Mobilités douces Tours",
                    "Trois mois de concertation pour dessiner le futur réseau cyclable de l’agglomération avec les habitants et les associations d’usagers.",
                    "Balades urbaines, carte collaborative, ateliers de quartier", 2025,
                    "800 contributions cartographiées, 12 itinéraires retenus dans le schéma directeur.",
                    "Ce qui a marché : les balades à vélo avec les élus. Ce qui n’a pas marché : la carte en ligne, difficile sur téléphone.",
                    "Julien Moreau", "mobilité, vélo, cartographie"),
            new Demo("Débats citoyens sur la transition agricole en Touraine", InitiativeKind.CITIZEN_EXPRESSION, "37003",
                    "Ferme du Val d’Amboise",
                    "Des soirées dans les fermes où habitants et agriculteurs débattent de l’avenir de l’agriculture locale et des circuits courts.",
                    "Soirées-débats, porteur de parole, restitution publique", 2024,
                    "Six soirées, 350 participants, un cahier de propositions remis à la communauté de communes.",
                    "Ce qui a marché : se réunir à la ferme plutôt qu’en mairie. Ce qui n’a pas marché : peu de jeunes actifs présents.",
                    "Hélène Caron", "agriculture, alimentation, débat"),
            new Demo("Un fablab pour réparer ensemble à Bourges", InitiativeKind.OTHER, "18033", "Fablab de Bourges",
                    "Des ateliers ouverts où habitants et bénévoles réparent objets et appareils, et discutent de la consommation responsable.",
                    "Ateliers de réparation, questionnaire, exposition", 2023,
                    "1 200 objets réparés, un réseau de vingt bénévoles.",
                    "Ce qui a marché : l’accueil convivial et les horaires le samedi. Ce qui n’a pas marché : la communication auprès des quartiers éloignés.",
                    "Nadia Benali", "numérique, réparation, tiers-lieu"),
            new Demo("Consultation sur le projet de centre-bourg de Saint-Amand-Montrond", InitiativeKind.CONSULTATION,
                    "18197", "Maison France services de Saint-Amand",
                    "Les habitants ont été consultés sur trois scénarios de réaménagement de la place centrale et des commerces.",
                    "Questionnaire papier et en ligne, exposition en mairie, réunion publique", 2025,
                    "1 050 réponses, le scénario piétonnier partiel retenu.",
                    "Ce qui a marché : le questionnaire papier dans les commerces. Ce qui n’a pas marché : la réunion publique, dominée par quelques voix.",
                    "Paul Girard", "urbanisme, commerce, centre-bourg"),
            new Demo("Panel citoyen sur l’eau à Chartres", InitiativeKind.CONCERTATION, "28085", null,
                    "Trente habitants tirés au sort ont formulé des recommandations sur la gestion de l’eau potable et la sobriété.",
                    "Tirage au sort, auditions d’experts, délibération en petits groupes", 2024,
                    "22 recommandations, dont 15 reprises dans le plan de gestion.",
                    "Ce qui a marché : l’indemnisation des panélistes. Ce qui n’a pas marché : un calendrier trop serré pour les auditions.",
                    "Camille Roux", "eau, tirage au sort, environnement"),
            new Demo("Parlons jeunesse à Dreux", InitiativeKind.CITIZEN_EXPRESSION, "28134", "Espace jeunes de Dreux",
                    "Des jeunes de 15 à 25 ans ont exprimé leurs attentes sur l’emploi, le logement et les loisirs, en vidéo et en ateliers.",
                    "Micro-trottoirs filmés, ateliers, réseaux sociaux", 2025,
                    "Un film de vingt minutes projeté au conseil municipal, une maison des projets ouverte.",
                    "Ce qui a marché : laisser les jeunes filmer eux-mêmes. Ce qui n’a pas marché : le questionnaire en ligne, peu rempli.",
                    "Yanis Khelifi", "jeunesse, vidéo, emploi"),
            new Demo("Transparence budgétaire à Châteauroux", InitiativeKind.INFORMATION, "36044", null,
                    "Le budget de la ville expliqué en une page illustrée et en réunions de quartier, avec les chiffres ouverts en ligne.",
                    "Budget illustré, données ouvertes, réunions de quartier", 2023,
                    "Le budget illustré distribué dans toutes les boîtes aux lettres, 40 questions publiques reçues et répondues.",
                    "Ce qui a marché : la page illustrée. Ce qui n’a pas marché : les données ouvertes, peu consultées sans accompagnement.",
                    "Isabelle Petit", "budget, données ouvertes, transparence"),
            new Demo("Tiers-lieux et participation dans le Berry", InitiativeKind.CONSULTATION, "36088",
                    "Réseau des tiers-lieux du Berry",
                    "Une consultation des usagers des tiers-lieux de l’Indre sur les services numériques qu’ils attendent de leur commune.",
                    "Questionnaire, entretiens, cafés numériques", 2024,
                    "600 réponses, un plan d’accompagnement numérique dans huit communes.",
                    "Ce qui a marché : les cafés numériques. Ce qui n’a pas marché : joindre les personnes éloignées du numérique.",
                    "Thomas Lefèvre", "numérique, tiers-lieu, inclusion"),
            new Demo("Assises de la Sologne", InitiativeKind.CONCERTATION, "41194", "Sologne Nature",
                    "Élus, habitants, chasseurs et associations ont cherché ensemble des règles communes pour l’accès aux chemins et aux forêts.",
                    "Ateliers mixtes, médiation, charte", 2025,
                    "Une charte des chemins signée par 14 communes.",
                    "Ce qui a marché : une médiatrice extérieure. Ce qui n’a pas marché : la durée, trop longue pour garder tout le monde.",
                    "Anne Moulin", "environnement, forêt, médiation"),
            new Demo("Apprendre le conseil municipal à Blois", InitiativeKind.CIVIC_EDUCATION, "41018",
                    "Lycée Augustin-Thierry (démonstration)",
                    "Des lycéens rejouent une séance du conseil municipal sur un vrai dossier, avec les élus dans le public.",
                    "Jeu de rôle, dossier réel, séance publique", 2024,
                    "Trois classes, une séance publique, un vœu transmis au maire.",
                    "Ce qui a marché : un vrai dossier plutôt qu’un cas fictif. Ce qui n’a pas marché : le temps de préparation pour les enseignants.",
                    "Lucie Bernard", "jeunesse, citoyenneté, lycée"));

    private final Initiatives initiatives;
    private final Resources resources;
    private final Network network;
    private final TerritoryDirectory territories;
    private final OrganisationDirectory organisations;
    private final AccountManagement accounts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LibraryDemoData(Initiatives initiatives, Resources resources, Network network, TerritoryDirectory territories,
                    OrganisationDirectory organisations, AccountManagement accounts, JdbcTemplate jdbc, Clock clock) {
        this.initiatives = initiatives;
        this.resources = resources;
        this.network = network;
        this.territories = territories;
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM library_initiative", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int written = 0;
        long firstInitiative = -1;
        long secondInitiative = -1;
        for (int index = 0; index < INITIATIVES.size(); index++) {
            Demo demo = INITIATIVES.get(index);
            Optional<TerritoryView> commune = territories.findByCode(TerritoryKind.COMMUNE, demo.commune());
            if (commune.isEmpty()) {
                continue;
            }
            Long organisationId = demo.organisation() == null ? null : organisations.searchAnywhere(demo.organisation(), 5)
                    .stream().filter(found -> found.name().equals(demo.organisation())).map(found -> found.id().value())
                    .findFirst().orElse(null);
            String email = Matches.nameKey(demo.contact()).replace(' ', '.') + "@example.org";
            InitiativeDraft draft = new InitiativeDraft(demo.title(), demo.summary(), demo.kind(), commune.get().id(),
                    organisationId, organisationId == null ? demo.organisation() : null, demo.tools(),
                    LocalDate.of(demo.year(), 1 + index % 9, 1), LocalDate.of(demo.year(), 4 + index % 9, 28),
                    demo.results(), demo.lessons(), demo.contact(), email, InitiativeDraft.tags(demo.tags()));
            // Published one after the other over the last weeks, so that the feeds and lists have an order.
            long id = initiatives.insert(draft, InitiativeStatus.PUBLISHED, null, null,
                    now.minus(Duration.ofDays(3L * (INITIATIVES.size() - index))));
            if (index == 0) {
                firstInitiative = id;
            } else if (index == 2) {
                secondInitiative = id;
            }
            written++;
        }
        proposedByTheDemoParticipant(now);
        int resourcesWritten = resources(now);
        int members = network(firstInitiative, secondInitiative, now);
        log.info("Demo data: {} initiatives, {} resources, {} network members", written, resourcesWritten, members);
    }

    private void proposedByTheDemoParticipant(Instant now) {
        Optional<TerritoryView> commune = territories.findByCode(TerritoryKind.COMMUNE, "45147");
        var participant = accounts.findByEmail("participant@example.org");
        if (commune.isEmpty() || participant.isEmpty()) {
            return;
        }
        initiatives.insert(new InitiativeDraft("Jardin partagé et conseil de quartier à Fleury-les-Aubrais",
                "Les voisins ont créé un jardin partagé et s’en servent comme lieu de réunion du conseil de quartier.",
                InitiativeKind.CITIZEN_EXPRESSION, commune.get().id(), null, "Collectif des jardiniers de Fleury",
                "Réunions au jardin, panneau d’affichage, liste de diffusion", LocalDate.of(2025, 4, 1), null,
                "Trente familles participent.", "Ce qui a marché : se retrouver dehors. Ce qui n’a pas marché : l’hiver.",
                "Participant de démonstration", "participant@example.org", List.of("jardin", "quartier")),
                InitiativeStatus.PROPOSED, participant.get().value(), null, now);
    }

    private record DemoResource(String title, ResourceKind kind, String summary, String themes, String video,
                                String fileName, byte[] file, String type) {
    }

    private int resources(Instant now) {
        List<DemoResource> demos = List.of(
                new DemoResource("Charte et cadre éthique de la participation", ResourceKind.REFERENCE_DOCUMENT,
                        "La charte régionale : les engagements de la collectivité envers les participants, la transparence sur les suites données et le cadre éthique des démarches.",
                        "charte, éthique", null, "charte-participation.pdf", charterPdf(), "application/pdf"),
                new DemoResource("Guide méthodologique de la concertation", ResourceKind.REFERENCE_DOCUMENT,
                        "Les étapes d’une concertation réussie : cadrage, publics, calendrier, outils, restitution et évaluation.",
                        "concertation, méthode", null, "guide-concertation.txt",
                        text("Guide méthodologique de la concertation\n\n1. Cadrer : ce qui est négociable, ce qui ne l’est pas.\n2. Identifier les publics et aller vers eux.\n3. Choisir les outils.\n4. Restituer et rendre compte des suites données.\n"),
                        LibraryFiles.TEXT),
                new DemoResource("Présentation : les outils numériques de la démocratie locale", ResourceKind.TOOL_PRESENTATION,
                        "Panorama des outils en ligne : plateformes de consultation, budgets participatifs, cartes collaboratives, et leurs limites.",
                        "numérique, outils", null, "outils-numeriques.txt",
                        text("Les outils numériques de la démocratie locale\n\n- Plateformes de consultation\n- Budgets participatifs en ligne\n- Cartes collaboratives\n\nLimites : fracture numérique, représentativité.\n"),
                        LibraryFiles.TEXT),
                new DemoResource("Séminaire « TIC et démocratie locale » : supports", ResourceKind.SLIDES,
                        "Les supports présentés au séminaire régional : réalisations pionnières, ce qui marche, ou pas, et pourquoi.",
                        "séminaire, numérique", null, "seminaire-supports.txt",
                        text("Séminaire TIC et démocratie locale\n\nDonner à voir les réalisations pionnières.\nComprendre ce qui marche, ou pas, et pourquoi.\n"),
                        LibraryFiles.TEXT),
                new DemoResource("Compte rendu du séminaire de lancement", ResourceKind.MINUTES,
                        "Le compte rendu du séminaire de lancement de la démarche régionale : interventions, ateliers et questions de la salle.",
                        "séminaire, démarche", null, "compte-rendu-lancement.txt",
                        text("Compte rendu du séminaire de lancement\n\nOuverture par la vice-présidente.\nTrois ateliers : jeunesse, mobilités, numérique.\nQuestions de la salle et réponses.\n"),
                        LibraryFiles.TEXT),
                new DemoResource("Vidéo : retour sur la tournée citoyenne", ResourceKind.VIDEO,
                        "Un film de dix minutes sur les étapes de la tournée citoyenne dans les bassins de vie et les paroles des habitants.",
                        "tournée citoyenne, vidéo", "https://video.example.org/tournee-citoyenne", null, null, null),
                new DemoResource("Fiche outil : le tirage au sort", ResourceKind.TOOL_PRESENTATION,
                        "Comment constituer un panel citoyen par tirage au sort : base de tirage, quotas, indemnisation et transparence.",
                        "tirage au sort, panel", null, "fiche-tirage-au-sort.txt",
                        text("Fiche outil : le tirage au sort\n\nBase de tirage, quotas, indemnisation, publication de la méthode.\n"),
                        LibraryFiles.TEXT),
                new DemoResource("Évaluer une démarche participative", ResourceKind.REFERENCE_DOCUMENT,
                        "Des indicateurs pour évaluer une démarche : diversité des participants, qualité des échanges, suites données.",
                        "évaluation, méthode", null, null, null, null));
        int index = 0;
        for (DemoResource demo : demos) {
            Instant published = now.minus(Duration.ofDays(4L * (demos.size() - index++)));
            long id = resources.insert(new ResourceDraft(demo.title(), demo.summary(), demo.kind(),
                    InitiativeDraft.tags(demo.themes()), demo.video()), null, published, published);
            if (demo.file() != null) {
                resources.attach(id, demo.type(), demo.fileName(), demo.file(), published);
            }
        }
        return demos.size();
    }

    private int network(long firstInitiative, long secondInitiative, Instant now) {
        int members = 0;
        for (String[] member : new String[][] {{"Association Loire Vivante Orléans", "Sophie Lemaire", "présidente"},
                {"Touraine Solidaire", "Karim Haddad", "coordinateur"}, {"Fablab de Bourges", "Nadia Benali", "animatrice"},
                {"Réseau des tiers-lieux du Berry", "Thomas Lefèvre", "chargé de mission"}}) {
            Optional<Long> organisation = organisations.searchAnywhere(member[0], 5).stream()
                    .filter(found -> found.name().equals(member[0])).map(found -> found.id().value()).findFirst();
            if (organisation.isPresent() && network.add(organisation.get(), null, member[1], member[2], null, now)) {
                members++;
            }
        }
        if (firstInitiative > 0 && network.add(null, firstInitiative, "Sophie Lemaire", "référente", null, now)) {
            members++;
        }
        if (secondInitiative > 0 && network.add(null, secondInitiative, "Julien Moreau", "animateur", null, now)) {
            members++;
        }
        return members;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF holding the charter's title, written by hand (the offsets of its cross-reference table count). */
    static byte[] charterPdf() {
        String content = "BT /F1 18 Tf 72 760 Td (Charte et cadre ethique de la participation) Tj 0 -28 Td /F1 12 Tf "
                + "(La collectivite rend compte des suites donnees a chaque contribution.) Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int index = 0; index < objects.length; index++) {
            offsets[index] = pdf.length();
            pdf.append(index + 1).append(" 0 obj\n").append(objects[index]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
