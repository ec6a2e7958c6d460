package org.agora.proposals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.comments.CommentImport;
import org.agora.moderation.ModerationManagement;
import org.agora.moderation.ModerationReason;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
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
 * On a first start with demo data: about a hundred proposals in the regional process, written by thirty demo
 * participants across the region's living areas and communes, with supports (some above the threshold), threaded
 * comments, and two withdrawn. Drawn from a fixed seed, so every first start shows the same data; written in batches.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("agora.demo-data")
class ProposalDemoData implements ApplicationRunner {

    static final String PROCESS = "democratie-permanente-centre-val-de-loire";
    static final String PASSWORD = "agora-demo-2026";
    static final int PROPOSALS = 100;
    static final int PARTICIPANTS = 30;
    /** Duplicates published at the end, through the use cases; all but the last merged into their original by an administrator. */
    static final int DUPLICATES = 3;
    static final String ADMINISTRATOR = "admin@example.org";

    private static final Logger log = LoggerFactory.getLogger(ProposalDemoData.class);

    private static final List<String> NAMES = List.of("Amandine R.", "Bastien L.", "Chloé M.", "Damien P.",
            "Élodie V.", "Fabrice G.", "Agathe T.", "Hugo B.", "Inès D.", "Jérôme C.", "Karine F.", "Léo H.",
            "Manon J.", "Nicolas K.", "Océane N.", "Pascal O.", "Quentin S.", "Rose-Marie A.", "Samir E.", "Thérèse W.",
            "Ulysse Y.", "Valérie Z.", "William R.", "Yasmine L.", "Zoé M.", "Antoine P.", "Brigitte V.", "Cédric G.",
            "Delphine T.", "Étienne B.");

    /** Per theme: titles ({0} = a place), then sentences for the finding, the proposal and the expected benefit. */
    private static final Map<String, List<List<String>>> BANK = Map.of(
            "Mobilités", List.of(
                    List.of("Un car express le matin entre {0} et la préfecture",
                            "Des abris vélos sécurisés près de la gare de {0}",
                            "Un transport à la demande pour les habitants isolés de {0}",
                            "Des horaires de TER adaptés aux lycéens autour de {0}",
                            "Une aire de covoiturage à l’entrée de {0}",
                            "Une piste cyclable continue vers {0}"),
                    List.of("Aujourd’hui, sans voiture, il est presque impossible de se rendre au travail ou à un rendez-vous médical.",
                            "Beaucoup de trajets quotidiens se font seul dans sa voiture, faute d’autre solution.",
                            "Les jeunes et les personnes âgées dépendent de leurs proches pour le moindre déplacement."),
                    List.of("Je propose de tester la mesure pendant un an, puis de la pérenniser si elle trouve son public.",
                            "Il faudrait associer la Région, l’intercommunalité et les usagers pour définir le tracé et les horaires.",
                            "Une première étape simple serait de recenser les besoins auprès des habitants et des entreprises."),
                    List.of("Cela réduirait les dépenses des ménages et les émissions de gaz à effet de serre.",
                            "Les habitants gagneraient en autonomie, et le territoire en attractivité.")),
            "Transition écologique", List.of(
                    List.of("Des cantines scolaires 100 % locales autour de {0}",
                            "Un jardin partagé dans chaque quartier de {0}",
                            "Rénover les écoles de {0} pour mieux les isoler",
                            "Planter des haies le long des champs près de {0}",
                            "Une ressourcerie pour donner une seconde vie aux objets à {0}",
                            "Protéger les zones humides des bords de Loire vers {0}"),
                    List.of("Les étés sont de plus en plus chauds et les bâtiments publics deviennent difficiles à vivre.",
                            "Nous jetons encore beaucoup d’objets qui pourraient être réparés ou réutilisés.",
                            "Les agriculteurs du secteur peinent à vendre leur production près de chez eux."),
                    List.of("Je propose un appel à projets ouvert aux associations et aux communes volontaires.",
                            "La Région pourrait accompagner financièrement les premières réalisations et en faire un bilan public.",
                            "Un comité d’habitants pourrait suivre le projet et proposer des améliorations chaque année."),
                    List.of("Ce serait bon pour la biodiversité comme pour le budget des familles.",
                            "Chacun pourrait agir concrètement pour le climat, à deux pas de chez soi.")),
            "Formation et emploi", List.of(
                    List.of("Un forum des métiers de l’artisanat à {0}",
                            "Des stages découverte dans les entreprises de {0}",
                            "Une formation au numérique pour les seniors de {0}",
                            "Un tiers-lieu pour les télétravailleurs à {0}",
                            "Faire connaître l’apprentissage aux collégiens de {0}",
                            "Des permanences emploi dans les mairies autour de {0}"),
                    List.of("Beaucoup d’entreprises du secteur ne trouvent pas les personnes qu’elles cherchent.",
                            "Les jeunes connaissent mal les métiers qui recrutent près de chez eux.",
                            "Se former oblige souvent à de longs trajets vers les grandes villes."),
                    List.of("Je propose d’organiser ces rencontres deux fois par an avec les chambres consulaires.",
                            "Les organismes de formation pourraient venir sur place plutôt que l’inverse.",
                            "Il faudrait s’appuyer sur les cyber-centres et les associations déjà présentes."),
                    List.of("Les jeunes resteraient plus volontiers sur le territoire.",
                            "Cela faciliterait le retour à l’emploi des personnes qui en sont éloignées.")),
            "Démocratie et citoyenneté", List.of(
                    List.of("Un budget participatif pour les habitants de {0}",
                            "Un conseil de jeunes dans le bassin de vie de {0}",
                            "Des réunions publiques le soir plutôt qu’en journée à {0}",
                            "Rendre compte chaque année des suites données aux propositions de {0}",
                            "Des ateliers Fabrik itinérants dans les villages autour de {0}",
                            "Un panel citoyen sur l’aménagement du centre de {0}"),
                    List.of("Les habitants ont le sentiment que leur avis n’est pas pris en compte.",
                            "Les réunions ont lieu à des horaires où beaucoup de gens travaillent.",
                            "On ne sait jamais ce que deviennent les idées proposées lors des concertations."),
                    List.of("Je propose de publier pour chaque idée une réponse motivée et un calendrier.",
                            "Les participants pourraient être tirés au sort pour représenter toute la population.",
                            "Il faudrait prévoir des moyens pour l’animation et la garde des enfants pendant les réunions."),
                    List.of("La confiance entre élus et citoyens en sortirait renforcée.",
                            "Plus de monde participerait, et pas seulement les habitués.")),
            "Santé", List.of(
                    List.of("Une maison de santé pluridisciplinaire à {0}",
                            "Un bus de prévention santé qui passe à {0}",
                            "Aider les jeunes médecins à s’installer autour de {0}",
                            "Des téléconsultations accompagnées en pharmacie à {0}",
                            "Un réseau de covoiturage solidaire vers l’hôpital depuis {0}",
                            "Du sport sur ordonnance dans les clubs de {0}"),
                    List.of("Il faut parfois attendre plusieurs mois pour obtenir un rendez-vous chez un spécialiste.",
                            "Plusieurs médecins partent à la retraite sans successeur.",
                            "Les personnes âgées renoncent à se soigner faute de moyen de transport."),
                    List.of("Je propose que la Région soutienne les communes qui se regroupent pour porter le projet.",
                            "Les professionnels de santé du secteur devraient être associés dès le départ.",
                            "Une expérimentation de deux ans permettrait d’en mesurer les effets."),
                    List.of("L’accès aux soins serait plus juste entre villes et campagnes.",
                            "On éviterait des passages aux urgences qui auraient pu être évités.")),
            "Culture", List.of(
                    List.of("Un festival de musique dans les châteaux autour de {0}",
                            "Une médiathèque ouverte le dimanche à {0}",
                            "Des résidences d’artistes dans les villages près de {0}",
                            "Mettre en valeur le patrimoine ligérien de {0}",
                            "Du cinéma itinérant l’été à {0}",
                            "Un pass culture régional pour les familles de {0}"),
                    List.of("L’offre culturelle se concentre dans les grandes villes.",
                            "Notre patrimoine est riche mais mal connu, même des habitants.",
                            "Les familles modestes renoncent souvent aux sorties culturelles à cause du prix."),
                    List.of("Je propose de s’appuyer sur les associations locales et les lieux existants.",
                            "Une programmation construite avec les habitants attirerait un public plus large.",
                            "La Région pourrait coordonner les communes pour éviter que tout ait lieu le même week-end."),
                    List.of("Cela créerait du lien entre les générations et ferait vivre les commerces.",
                            "Le territoire gagnerait en attractivité touristique.")));

    /** Comments by stance, then replies; drawn so that most proposals have a short, sometimes threaded, discussion. */
    private static final Map<CommentImport.Stance, List<String>> COMMENTS = Map.of(
            CommentImport.Stance.FOR, List.of(
                    "Excellente idée, je soutiens sans réserve.",
                    "Nous vivons la même situation dans notre commune : ce serait un vrai progrès.",
                    "Oui ! Et on pourrait commencer par un essai de six mois pour voir ce que cela donne.",
                    "Je suis pour, à condition d’associer les habitants dès le départ."),
            CommentImport.Stance.AGAINST, List.of(
                    "Je ne suis pas convaincu : qui paiera le fonctionnement une fois l’investissement fait ?",
                    "L’idée est sympathique, mais un dispositif proche existe déjà et il est mal connu.",
                    "Attention à ne pas oublier les communes rurales, souvent perdantes dans ce genre de projet."),
            CommentImport.Stance.NEUTRAL, List.of(
                    "Avez-vous une idée du coût ?",
                    "La commune a-t-elle déjà été sollicitée sur ce sujet ?",
                    "Il serait utile de préciser le calendrier envisagé."));

    private static final List<String> REPLIES = List.of(
            "Bonne question : d’après l’association du quartier, cela coûterait moins qu’on ne le pense.",
            "Je suis d’accord avec vous sur ce point.",
            "Pas tout à fait : le dispositif existant ne couvre pas notre secteur.",
            "Merci pour cette précision, c’est très utile.",
            "J’en ai parlé au conseil municipal, ils sont intéressés.");

    private final ProcessRules processes;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final Proposals proposals;
    private final CommentImport comments;
    private final ModerationManagement moderation;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProposalManagement management;
    private final ProposalSupports supporting;
    private final ProposalMerging merging;

    ProposalDemoData(ProcessRules processes, TerritoryDirectory territories, AccountManagement accounts,
                     Proposals proposals, CommentImport comments, ModerationManagement moderation, JdbcTemplate jdbc,
                     Clock clock, ProposalManagement management, ProposalSupports supporting, ProposalMerging merging) {
        this.management = management;
        this.supporting = supporting;
        this.merging = merging;
        this.comments = comments;
        this.moderation = moderation;
        this.processes = processes;
        this.territories = territories;
        this.accounts = accounts;
        this.proposals = proposals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (proposals.count() > 0) {
            return;
        }
        ProcessSettings process = processes.bySlug(PROCESS).orElse(null);
        if (process == null) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(2026);
        Map<String, String> participants = new java.util.LinkedHashMap<>();
        for (int i = 0; i < PARTICIPANTS; i++) {
            participants.put("citoyen%02d@example.org".formatted(i + 1), NAMES.get(i));
        }
        List<AccountId> people = accounts.ensureDemoParticipants(participants, PASSWORD);
        long accountsDone = System.nanoTime();
        List<TerritoryView> places = territories.selfAndDescendants(process.territoryId()).stream()
                .sorted().map(territories::find).flatMap(java.util.Optional::stream)
                .filter(place -> place.kind() == TerritoryKind.LIVING_AREA || place.kind() == TerritoryKind.COMMUNE)
                .toList();
        List<String> themes = process.themes().stream().filter(BANK::containsKey).toList();
        if (places.isEmpty() || themes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<Integer, Integer> lastNumbers = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        Set<String> titles = new LinkedHashSet<>();
        // Publication times drawn first and sorted, so that references follow the order of publication.
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            times.add(now.minus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 30))));
        }
        times.sort(null);
        for (int i = 0; rows.size() < PROPOSALS && i < PROPOSALS * 5; i++) {
            String theme = themes.get(i % themes.size());
            List<List<String>> bank = BANK.get(theme);
            TerritoryView place = places.get(random.nextInt(places.size()));
            String title = pick(bank.get(0), random).replace("{0}", place.name());
            if (title.length() > 150 || !titles.add(title)) {
                continue;
            }
            String body = pick(bank.get(1), random) + "\n\n" + pick(bank.get(2), random) + "\n\n" + pick(bank.get(3), random);
            Instant published = times.get(rows.size());
            int year = published.atZone(Clocks.PARIS).getYear();
            int number = lastNumbers.computeIfAbsent(year, this::lastNumber) + 1;
            lastNumbers.put(year, number);
            boolean withdrawn = rows.size() == 17 || rows.size() == 63;
            rows.add(new Object[] {process.id().value(), people.get(random.nextInt(people.size())).value(),
                    withdrawn ? "WITHDRAWN" : "PUBLISHED", "%04d-%06d".formatted(year, number), title, body,
                    place.id(), theme, Timestamp.from(published), Timestamp.from(published),
                    withdrawn ? Timestamp.from(published.plus(Duration.ofDays(1))) : null});
        }
        jdbc.batchUpdate("INSERT INTO proposal (process_id, author_id, status, reference, title, body, territory_id, theme, "
                + "created_at, published_at, withdrawn_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows);
        lastNumbers.forEach((year, last) -> jdbc.update(
                "UPDATE proposal_reference_counter SET last_number = ? WHERE ref_year = ?", last, year));
        supports(process, people, random, now);
        int discussed = comments(process, people, random, now);
        reportedComment(process, people, now);
        duplicates(process, people);
        log.info("Demo data: {} participants in {} ms, {} proposals with their supports and {} comments in {} ms", people.size(),
                (accountsDone - started) / 1_000_000, rows.size(), discussed, (System.nanoTime() - accountsDone) / 1_000_000);
    }

    /**
     * One advertisement posted as a comment and reported by three demo participants through moderation's own use
     * case, so that it is hidden pending review (with the default threshold) and the moderators' queue and the log
     * have a case to show.
     */
    private void reportedComment(ProcessSettings process, List<AccountId> people, Instant now) {
        List<long[]> first = jdbc.query("SELECT id, author_id FROM proposal WHERE process_id = ? AND status = 'PUBLISHED' "
                + "ORDER BY id LIMIT 1", (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, process.id().value());
        List<AccountId> others = people.stream().filter(person -> first.isEmpty() || person.value() != first.getFirst()[1]).toList();
        if (first.isEmpty() || others.size() < 4) {
            return;
        }
        long advertisement = comments.record(new ResourceRef(ProposalComments.TYPE, first.getFirst()[0]), null,
                others.getFirst(), CommentImport.Stance.NEUTRAL, "Crédit rapide sans justificatif : réponse en "
                        + "24 heures sur mon site, contactez-moi vite !", now.minus(Duration.ofHours(6)));
        for (AccountId reporter : others.subList(1, 4)) {
            moderation.report(reporter, new ResourceRef("comment", advertisement), ModerationReason.SPAM, null);
        }
    }

    /**
     * Three participants re-post an existing proposal (same title, same place) and a few people support the copy, some
     * of them the original too; the administrator then merges the first two copies into their originals, so that the
     * demo shows merged addresses leading to the kept proposals, and leaves the last one for staff to merge.
     */
    private void duplicates(ProcessSettings process, List<AccountId> people) {
        java.util.Optional<org.agora.accounts.AgoraUser> administrator = accounts.findByEmail(ADMINISTRATOR)
                .flatMap(accounts::find);
        List<Object[]> originals = jdbc.query("SELECT id, reference, title, body, territory_id, theme, author_id "
                + "FROM proposal WHERE process_id = ? AND status = 'PUBLISHED' AND supports_count >= 3 ORDER BY id LIMIT ?",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getLong(5), row.getString(6), row.getLong(7)}, process.id().value(), DUPLICATES);
        for (int i = 0; i < originals.size(); i++) {
            Object[] original = originals.get(i);
            long originalAuthor = (long) original[6];
            List<org.agora.accounts.AgoraUser> others = people.stream().filter(person -> person.value() != originalAuthor)
                    .skip(3L * i).limit(5).map(accounts::find).flatMap(java.util.Optional::stream).toList();
            if (others.size() < 5) {
                return;
            }
            org.agora.accounts.AgoraUser author = others.getFirst();
            long draft = management.draft(process.slug(), author, new ProposalForm((String) original[2],
                    "Je n’avais pas vu qu’une idée semblable existait déjà. " + original[3],
                    Long.toString((long) original[4]), (String) original[5]), null);
            String reference = management.publish(process.slug(), draft, author);
            long duplicateId = proposals.findByReference(reference).orElseThrow().id(); // a query: flushes the publication
            for (org.agora.accounts.AgoraUser supporter : others.subList(1, others.size())) {
                try {
                    supporting.support(duplicateId, supporter.id());
                } catch (ProposalRefused refused) {
                    // The person reached the process's support limit: the copy has one supporter fewer.
                }
            }
            if (i < DUPLICATES - 1 && administrator.isPresent()) {
                merging.merge(administrator.get(), process.id().value(), new ProposalMerging.MergeForm(reference,
                        (String) original[1], "Deux propositions identiques : leurs soutiens sont réunis ici."));
            }
        }
    }

    /** Most proposals get a few supports, some many (above the threshold); withdrawn ones none. */
    private void supports(ProcessSettings process, List<AccountId> people, Random random, Instant now) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM proposal WHERE process_id = ? AND status = 'PUBLISHED' ORDER BY id",
                Long.class, process.id().value());
        Integer threshold = process.supportThreshold();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> counts = new ArrayList<>();
        Map<Long, Integer> perPerson = new HashMap<>();
        for (long id : ids) {
            int wanted = random.nextInt(10) == 0 ? 20 + random.nextInt(people.size() - 19) : random.nextInt(9);
            List<AccountId> shuffled = new ArrayList<>(people);
            java.util.Collections.shuffle(shuffled, random);
            for (AccountId person : shuffled.subList(0, wanted)) {
                rows.add(new Object[] {id, person.value(), process.id().value(), Timestamp.from(now.minus(Duration.ofHours(random.nextInt(600))))});
                perPerson.merge(person.value(), 1, Integer::sum);
            }
            counts.add(new Object[] {wanted, threshold != null && wanted >= threshold ? Timestamp.from(now) : null, id});
        }
        jdbc.batchUpdate("INSERT INTO proposal_support (proposal_id, account_id, process_id, created_at) VALUES (?, ?, ?, ?)", rows);
        jdbc.batchUpdate("UPDATE proposal SET supports_count = ?, threshold_reached_at = ? WHERE id = ?", counts);
        List<Object[]> supporters = perPerson.entrySet().stream()
                .map(entry -> new Object[] {process.id().value(), entry.getKey(), entry.getValue()}).toList();
        jdbc.batchUpdate("INSERT INTO proposal_supporter (process_id, account_id, supports) VALUES (?, ?, ?)", supporters);
    }

    /**
     * Most published proposals get a few comments by people other than their author, some with replies down to the
     * deepest level; posted between publication and now. Returns how many comments were written.
     */
    private int comments(ProcessSettings process, List<AccountId> people, Random random, Instant now) {
        record Published(ResourceRef resource, long author, Instant at) {}
        List<Published> published = jdbc.query("SELECT id, author_id, published_at FROM proposal "
                        + "WHERE process_id = ? AND status = 'PUBLISHED' ORDER BY id",
                (row, n) -> new Published(new ResourceRef(ProposalComments.TYPE, row.getLong(1)), row.getLong(2),
                        row.getTimestamp(3).toInstant()), process.id().value());
        List<CommentImport.Stance> stances = List.of(CommentImport.Stance.values());
        int written = 0;
        for (Published proposal : published) {
            ResourceRef resource = proposal.resource();
            long author = proposal.author();
            Instant at = proposal.at();
            int topLevel = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(4);
            for (int i = 0; i < topLevel; i++) {
                at = later(at, now, random);
                CommentImport.Stance stance = stances.get(random.nextInt(stances.size()));
                AccountId commenter = someoneBut(author, people, random);
                Long parent = comments.record(resource, null, commenter, stance, pick(COMMENTS.get(stance), random), at);
                written++;
                // A reply now and then, by the proposal's author or anyone, and sometimes a reply to that reply.
                for (int depth = 2; depth <= 3 && random.nextInt(10) < (depth == 2 ? 4 : 5); depth++) {
                    at = later(at, now, random);
                    AccountId replier = random.nextBoolean() ? new AccountId(author) : someoneBut(commenter.value(), people, random);
                    parent = comments.record(resource, parent, replier, CommentImport.Stance.NEUTRAL, pick(REPLIES, random), at);
                    written++;
                }
            }
        }
        return written;
    }

    private static Instant later(Instant after, Instant now, Random random) {
        Instant next = after.plus(Duration.ofMinutes(5 + random.nextInt(60 * 24)));
        return next.isAfter(now) ? after.plusSeconds(1) : next;
    }

    private static AccountId someoneBut(long author, List<AccountId> people, Random random) {
        AccountId someone = people.get(random.nextInt(people.size()));
        return someone.value() == author ? people.get((people.indexOf(someone) + 1) % people.size()) : someone;
    }

    private int lastNumber(int year) {
        jdbc.update("INSERT INTO proposal_reference_counter (ref_year, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING", year);
        return jdbc.queryForObject("SELECT last_number FROM proposal_reference_counter WHERE ref_year = ? FOR UPDATE",
                Integer.class, year);
    }

    private static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
