package org.agora.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * French text assembled from themes, verbs, objects and places, so that titles read like what people write, differ
 * from each other and give the search engine real words to stem.
 */
final class Vocabulary {

    static final List<String> THEMES = List.of("Mobilités", "Transition écologique", "Santé", "Éducation et jeunesse",
            "Emploi et formation", "Culture et patrimoine", "Services publics", "Vie locale et solidarités");

    private static final List<List<String>> OBJECTS = List.of(
            List.of("des pistes cyclables sécurisées", "une ligne de car express", "le covoiturage domicile-travail",
                    "des parkings relais près des gares", "le transport à la demande", "des bornes de recharge",
                    "les horaires des TER", "des abris vélos fermés", "une navette le dimanche", "les trottoirs accessibles"),
            List.of("des jardins partagés", "la rénovation thermique des logements", "des panneaux solaires sur les écoles",
                    "le tri des biodéchets", "des haies bocagères", "une ressourcerie", "les circuits courts alimentaires",
                    "la protection des zones humides", "des îlots de fraîcheur", "l'extinction de l'éclairage nocturne"),
            List.of("une maison de santé", "des consultations de télémédecine", "l'accueil des jeunes médecins",
                    "un centre de soins non programmés", "la prévention en milieu scolaire", "un bus de dépistage",
                    "le soutien aux aidants", "les permanences de santé mentale", "des défibrillateurs", "les visites à domicile"),
            List.of("l'aide aux devoirs", "un conseil des jeunes", "des ateliers numériques au collège",
                    "la restauration scolaire bio", "les séjours linguistiques", "un espace jeunes", "l'orientation au lycée",
                    "les internats de proximité", "les cours d'éducation civique", "le sport scolaire"),
            List.of("l'apprentissage dans l'artisanat", "un tiers-lieu pour les indépendants", "la formation aux métiers du soin",
                    "le permis de conduire des apprentis", "les stages en entreprise", "un forum de l'emploi",
                    "la reprise des commerces", "les chantiers d'insertion", "la formation continue des agriculteurs",
                    "l'accueil des saisonniers"),
            List.of("la restauration des églises rurales", "un festival de musique", "les bibliothèques le dimanche",
                    "l'enseignement de l'histoire locale", "une résidence d'artistes", "les fêtes de village",
                    "la valorisation des châteaux de la Loire", "un cinéma itinérant", "les archives numérisées",
                    "les chemins de randonnée"),
            List.of("une maison France services", "les guichets de la préfecture", "l'accès au haut débit",
                    "les bureaux de poste", "l'accompagnement aux démarches en ligne", "les horaires des mairies",
                    "la couverture en téléphonie mobile", "un médiateur numérique", "les casernes de pompiers",
                    "les permanences juridiques"),
            List.of("les associations de quartier", "l'épicerie solidaire", "les repas partagés entre générations",
                    "l'accueil des nouveaux habitants", "les conseils citoyens", "le bénévolat des retraités",
                    "une salle des fêtes rénovée", "les marchés de producteurs", "les jardins familiaux",
                    "la lutte contre l'isolement des aînés"));

    private static final List<String> VERBS = List.of("Créer", "Développer", "Renforcer", "Soutenir", "Ouvrir",
            "Améliorer", "Multiplier", "Financer", "Généraliser", "Faciliter", "Relancer", "Protéger", "Adapter",
            "Rendre gratuit", "Expérimenter");

    private static final List<String> PLACES = List.of("à {0}", "dans les communes autour de {0}", "près de {0}",
            "dans le bassin de vie de {0}", "pour les habitants de {0}", "entre {0} et les villages voisins",
            "dans les quartiers de {0}", "en centre-bourg à {0}");

    private static final List<String> CONTEXTS = List.of(
            "Aujourd'hui, beaucoup d'habitants de {0} n'ont pas de solution satisfaisante.",
            "Lors de la réunion publique, plusieurs voisins ont soulevé ce problème.",
            "Les familles de {0} doivent souvent faire plus de trente kilomètres.",
            "La situation s'est dégradée ces dernières années, surtout pour les personnes âgées.",
            "Les jeunes de {0} nous disent qu'ils manquent de perspectives sur place.",
            "Des initiatives existent déjà dans d'autres départements et fonctionnent bien.",
            "Nous avons fait le tour du quartier et recueilli plus de cent avis.");

    private static final List<String> PROPOSALS = List.of(
            "Nous proposons de {1} {2}, avec un premier essai d'un an.",
            "La Région pourrait {1} {2} en lien avec les communes et les associations.",
            "L'idée est de {1} {2} en commençant par les secteurs les plus isolés.",
            "Il faudrait {1} {2} et associer les habitants au suivi.",
            "Concrètement : {1} {2}, avec un budget annuel et un bilan public.");

    private static final List<String> BENEFITS = List.of(
            "Cela réduirait les déplacements et les dépenses des ménages.",
            "Ce serait un vrai gain pour la qualité de vie et le lien social.",
            "Les commerces et les services du centre en profiteraient aussi.",
            "Cela rendrait le territoire plus attractif pour les jeunes actifs.",
            "Les plus fragiles seraient les premiers bénéficiaires.",
            "Un bilan au bout d'un an permettrait de l'étendre à toute la région.");

    private static final List<List<String>> COMMENTS = List.of(
            List.of("Tout à fait d'accord, c'est une attente forte chez nous aussi.",
                    "Excellente idée, je soutiens sans réserve.",
                    "Enfin une proposition concrète ! À {0}, nous en avons grand besoin.",
                    "Oui, et il faudrait associer les écoles dès le départ.",
                    "Je confirme, la situation est la même dans ma commune."),
            List.of("Je ne suis pas convaincu : qui va financer cela dans la durée ?",
                    "L'intention est bonne mais cela existe déjà à {0}.",
                    "Attention aux effets pervers : ce sont toujours les mêmes qui en profitent.",
                    "Ce n'est pas la priorité, il y a plus urgent.",
                    "Le coût me semble disproportionné par rapport au besoin."),
            List.of("Avez-vous une estimation du coût ?", "Quel calendrier imaginez-vous ?",
                    "Il faudrait préciser qui porterait le projet.",
                    "Intéressant, mais comment mesurer les résultats ?",
                    "Une expérience semblable a été menée à {0}, il serait utile d'en tirer le bilan."));

    private static final List<String> REPLIES = List.of("Merci pour votre retour, c'est une bonne remarque.",
            "Je précise : l'idée est de commencer petit, puis d'étendre.", "Bonne question, nous y travaillons.",
            "Je partage cet avis.", "Pas tout à fait : le financement pourrait venir de plusieurs partenaires.",
            "Nous pourrions en parler à la prochaine Fabrik.");

    private static final List<String> FIRST_NAMES = List.of("Camille", "Léa", "Manon", "Chloé", "Inès", "Jade",
            "Louise", "Emma", "Alice", "Lina", "Sarah", "Anaïs", "Julie", "Claire", "Nadia", "Sophie", "Hélène",
            "Lucas", "Hugo", "Louis", "Nathan", "Gabriel", "Arthur", "Jules", "Thomas", "Mathis", "Karim", "Paul",
            "Yanis", "Antoine", "Pierre", "Mehdi", "Julien", "Nicolas", "Olivier", "Bernard", "Jean", "Marc");

    private static final List<String> LAST_INITIALS = List.of("A.", "B.", "C.", "D.", "F.", "G.", "L.", "M.", "N.",
            "P.", "R.", "S.", "T.", "V.");

    private static final List<String> MEETING_TITLES = List.of("Fabrik citoyenne", "Étape de la tournée citoyenne",
            "Atelier participatif", "Réunion publique", "Séminaire régional", "Café-débat", "Webinaire d'information");

    private Vocabulary() {
    }

    static int themeCount() {
        return THEMES.size();
    }

    static String title(SplittableRandom random, int theme, String place) {
        String title = pick(VERBS, random) + " " + pick(OBJECTS.get(theme), random) + " "
                + pick(PLACES, random).replace("{0}", place);
        return title.length() <= 150 ? title : title.substring(0, 150).strip();
    }

    static String body(SplittableRandom random, int theme, String place) {
        String verb = pick(VERBS, random).toLowerCase(java.util.Locale.ROOT);
        return pick(CONTEXTS, random).replace("{0}", place) + "\n\n"
                + pick(PROPOSALS, random).replace("{1}", verb).replace("{2}", pick(OBJECTS.get(theme), random)) + " "
                + pick(BENEFITS, random) + "\n\n" + pick(BENEFITS, random);
    }

    /** stance: 0 for, 1 against, 2 neutral. */
    static String comment(SplittableRandom random, int stance, String place) {
        return pick(COMMENTS.get(stance), random).replace("{0}", place);
    }

    static String reply(SplittableRandom random) {
        return pick(REPLIES, random);
    }

    /** Unique for each index: the number keeps two people with the same name apart. */
    static String pseudonym(int index) {
        return FIRST_NAMES.get(Math.floorMod(index * 31 + 7, FIRST_NAMES.size())) + " "
                + LAST_INITIALS.get(Math.floorMod(index * 17 + 3, LAST_INITIALS.size())) + " " + (index + 1);
    }

    static String meetingTitle(SplittableRandom random, String place) {
        return pick(MEETING_TITLES, random) + " à " + place;
    }

    static String answer(SplittableRandom random, String destination) {
        return "Merci pour cette proposition, étudiée par les services de la Région. Elle est orientée vers : "
                + destination + ". " + pick(BENEFITS, random) + " Nous reviendrons vers vous avec un calendrier.";
    }

    private static String pick(List<String> options, SplittableRandom random) {
        return options.get(random.nextInt(options.size()));
    }
}
