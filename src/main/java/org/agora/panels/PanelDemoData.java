package org.agora.panels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.agora.accounts.AccountManagement;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data: « Panel citoyen du Loiret », 20 seats under gender, age and living-area quotas,
 * recruiting, with 120 invented volunteers built from a fixed seed (the same on every machine), so that a visitor
 * signed in as agent@example.org can run the selection, publish the lottery and draw.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("agora.demo-data")
class PanelDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PanelDemoData.class);

    static final String NAME = "Panel citoyen du Loiret";
    static final int SIZE = 20;

    private static final List<Quota> QUOTAS = List.of(
            new Quota("genre", "femme", 9, 11), new Quota("genre", "homme", 9, 11),
            new Quota("âge", "16-29", 3, 5), new Quota("âge", "30-44", 4, 6),
            new Quota("âge", "45-64", 5, 8), new Quota("âge", "65+", 4, 6),
            new Quota("territoire", "Orléans Métropole", 8, 11), new Quota("territoire", "Montargois", 3, 5),
            new Quota("territoire", "Pithiverais", 2, 4), new Quota("territoire", "Giennois", 2, 4));

    private static final Map<String, String[]> PLACES = Map.of(
            "Orléans Métropole", new String[] {"45000", "45100", "45140", "45400", "45800"},
            "Montargois", new String[] {"45200", "45120"},
            "Pithiverais", new String[] {"45300", "45170"},
            "Giennois", new String[] {"45500", "45250"});

    private static final String[] FIRST = {"Camille", "Léa", "Nora", "Inès", "Sarah", "Chloé", "Manon", "Jeanne", "Lucie",
            "Amina", "Hugo", "Lucas", "Karim", "Théo", "Louis", "Nathan", "Mehdi", "Julien", "Paul", "Yanis"};
    private static final String[] LAST = {"Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
            "Lefèvre", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine"};
    private static final String[] STREETS = {"rue de Bourgogne", "rue Jeanne-d’Arc", "avenue de Paris", "rue des Carmes",
            "rue du Faubourg", "place du Martroi", "rue de la Gare", "chemin des Vignes", "rue du Moulin", "allée des Tilleuls"};

    private final Panels panels;
    private final Volunteers volunteers;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final Clock clock;

    PanelDemoData(Panels panels, Volunteers volunteers, TerritoryDirectory territories, AccountManagement accounts,
                  Clock clock) {
        this.panels = panels;
        this.volunteers = volunteers;
        this.territories = territories;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!panels.all().isEmpty()) {
            return;
        }
        var loiret = territories.findByCode(TerritoryKind.DEPARTEMENT, "45");
        var agent = accounts.findByEmail("agent@example.org");
        if (loiret.isEmpty() || agent.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        PanelForm.Checked panel = new PanelForm.Checked(NAME,
                "Vingt habitants du Loiret, tirés au sort, donnent leur avis à la Région sur les mobilités du quotidien : "
                        + "trains régionaux, cars, vélo et covoiturage. Quatre samedis de travail, défrayés.",
                loiret.get().id(), SIZE, "address,postcode", null, null, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(20)), 365);
        long id = panels.insert(panel, "panel-citoyen-du-loiret", agent.get().value(), now);
        panels.addToTeam(id, agent.get().value());
        panels.replaceQuotas(id, QUOTAS);
        List<Person> people = people();
        int first = panels.takeNumbers(id, people.size());
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            String email = String.format("volontaire%03d@example.org", i + 1);
            volunteers.insert(id, first + i, new Volunteers.Draft(Volunteer.FORM, null, email, person.name(),
                    person.address(), person.postcode(), PanelFiles.householdKey(List.of(person.address(), person.postcode())),
                    person.features(), "fr", now.minus(Duration.ofDays(9))), now.minus(Duration.ofDays(9)));
        }
        panels.status(id, PanelStatus.RECRUITING, now);
        log.info("Demo data: the citizens' panel of the Loiret with {} volunteers", people.size());
    }

    /** One invented volunteer of the demo pool. */
    record Person(String name, String address, String postcode, Map<String, String> features) {
    }

    /**
     * The 120 demo volunteers, from a fixed seed. A few couples share an address (every fifteenth volunteer lives with
     * the one before): the household rule keeps them from sitting together.
     */
    static List<Person> people() {
        Random random = new Random(45_2026L);
        var people = new ArrayList<Person>();
        for (int i = 0; i < 120; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            features.put("genre", random.nextInt(100) < 52 ? "femme" : "homme");
            int age = random.nextInt(100);
            features.put("âge", age < 18 ? "16-29" : age < 42 ? "30-44" : age < 75 ? "45-64" : "65+");
            int place = random.nextInt(100);
            String territory = place < 58 ? "Orléans Métropole" : place < 78 ? "Montargois" : place < 90 ? "Pithiverais"
                    : "Giennois";
            String[] postcodes = PLACES.get(territory);
            String postcode = postcodes[random.nextInt(postcodes.length)];
            String address = (i % 90 + 1) + " " + STREETS[(i / 90 + i) % STREETS.length];
            if (i % 15 == 14) {
                Person partner = people.get(i - 1);
                territory = partner.features().get("territoire");
                address = partner.address();
                postcode = partner.postcode();
            }
            features.put("territoire", territory);
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            people.add(new Person(name, address, postcode, features));
        }
        return people;
    }

    /** The demo panel's selection problem: its size, quotas and people, the household being address and postcode. */
    static Instance instance() {
        var pool = new ArrayList<Respondent>();
        List<Person> people = people();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            pool.add(new Respondent("v" + (i + 1), person.features(),
                    PanelFiles.householdKey(List.of(person.address(), person.postcode()))));
        }
        return new Instance(SIZE, QUOTAS, pool);
    }
}
