package org.agora.organisations;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
 * On a first start with demo data, after the evaluation: forty invented organisations of the region, of every kind,
 * spread over the six départements. The few SIRENs are fictitious (900 000 0xx, with a valid check digit).
 */
@Component
@Order(55)
@ConditionalOnBooleanProperty("agora.demo-data")
class OrganisationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationDemoData.class);

    private record Demo(String name, OrganisationKind kind, String commune, String siren) {
        Demo(String name, OrganisationKind kind, String commune) {
            this(name, kind, commune, null);
        }
    }

    private static final List<Demo> ORGANISATIONS = List.of(
            new Demo("Association Loire Vivante Orléans", OrganisationKind.ASSOCIATION, "45234"),
            new Demo("Les Jardins partagés de la Source", OrganisationKind.ASSOCIATION, "45234"),
            new Demo("Comité des fêtes de Saran", OrganisationKind.ASSOCIATION, "45302"),
            new Demo("Vélo en ville Fleury", OrganisationKind.ASSOCIATION, "45147"),
            new Demo("Coopérative maraîchère du Gâtinais", OrganisationKind.COMPANY, "45208", "900000019"),
            new Demo("Lycée Jean-Zay (démonstration)", OrganisationKind.SCHOOL, "45234"),
            new Demo("Maison de l’emploi du Montargois", OrganisationKind.PUBLIC_BODY, "45208"),
            new Demo("Mission locale de l’Orléanais", OrganisationKind.PUBLIC_BODY, "45234"),
            new Demo("Touraine Solidaire", OrganisationKind.ASSOCIATION, "37261"),
            new Demo("Collectif Mobilités douces Tours", OrganisationKind.ASSOCIATION, "37261"),
            new Demo("Atelier vélo de Joué", OrganisationKind.ASSOCIATION, "37122"),
            new Demo("Ferme du Val d’Amboise", OrganisationKind.COMPANY, "37003", "900000027"),
            new Demo("Lycée agricole de Touraine (démonstration)", OrganisationKind.SCHOOL, "37261"),
            new Demo("Centre social Rabelais", OrganisationKind.PUBLIC_BODY, "37261"),
            new Demo("Conseil de quartier des Fontaines", OrganisationKind.OTHER, "37261"),
            new Demo("Berry Nature Environnement (démonstration)", OrganisationKind.ASSOCIATION, "18033"),
            new Demo("Fablab de Bourges", OrganisationKind.ASSOCIATION, "18033"),
            new Demo("Porcelaines du Cher", OrganisationKind.COMPANY, "18279", "900000035"),
            new Demo("Collège Édouard-Vaillant (démonstration)", OrganisationKind.SCHOOL, "18279"),
            new Demo("Maison France services de Saint-Amand", OrganisationKind.PUBLIC_BODY, "18197"),
            new Demo("Club des aînés du Boischaut", OrganisationKind.ASSOCIATION, "18197"),
            new Demo("Chartres Métropole Innovation (démonstration)", OrganisationKind.PUBLIC_BODY, "28085"),
            new Demo("Les Amis de la cathédrale (démonstration)", OrganisationKind.ASSOCIATION, "28085"),
            new Demo("Beauce Céréales Coopérative", OrganisationKind.COMPANY, "28218", "900000043"),
            new Demo("Espace jeunes de Dreux", OrganisationKind.PUBLIC_BODY, "28134"),
            new Demo("Lycée Rotrou (démonstration)", OrganisationKind.SCHOOL, "28134"),
            new Demo("Théâtre en Eure-et-Loir", OrganisationKind.ASSOCIATION, "28085"),
            new Demo("Sologne Nature", OrganisationKind.ASSOCIATION, "41194"),
            new Demo("Blois Handisport", OrganisationKind.ASSOCIATION, "41018"),
            new Demo("Menuiserie du Vendômois", OrganisationKind.COMPANY, "41269", "900000050"),
            new Demo("Lycée Augustin-Thierry (démonstration)", OrganisationKind.SCHOOL, "41018"),
            new Demo("Office de tourisme Blois Chambord (démonstration)", OrganisationKind.PUBLIC_BODY, "41018"),
            new Demo("Repair café vendômois", OrganisationKind.ASSOCIATION, "41269"),
            new Demo("Indre Initiatives Jeunes", OrganisationKind.ASSOCIATION, "36044"),
            new Demo("Les Tisserands de Châteauroux", OrganisationKind.COMPANY, "36044", "900000068"),
            new Demo("Lycée Balzac d’Issoudun (démonstration)", OrganisationKind.SCHOOL, "36088"),
            new Demo("Centre communal d’action sociale de Déols", OrganisationKind.PUBLIC_BODY, "36063"),
            new Demo("Conseil citoyen de Saint-Jean", OrganisationKind.OTHER, "36044"),
            new Demo("Réseau des tiers-lieux du Berry", OrganisationKind.OTHER, "36088"),
            new Demo("Association des usagers du TER Centre", OrganisationKind.ASSOCIATION, "45234"));

    private final Organisations organisations;
    private final TerritoryDirectory territories;
    private final Clock clock;

    OrganisationDemoData(Organisations organisations, TerritoryDirectory territories, Clock clock) {
        this.organisations = organisations;
        this.territories = territories;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            return;
        }
        int written = 0;
        for (Demo demo : ORGANISATIONS) {
            var commune = territories.findByCode(TerritoryKind.COMMUNE, demo.commune());
            if (commune.isEmpty()) {
                continue;
            }
            organisations.save(new Organisation(new OrganisationForm.Checked(demo.name(), demo.kind(),
                    commune.get().id(), demo.siren(), null), null, clock.instant().truncatedTo(ChronoUnit.MICROS)));
            written++;
        }
        log.info("Demo data: {} organisations met", written);
    }
}
