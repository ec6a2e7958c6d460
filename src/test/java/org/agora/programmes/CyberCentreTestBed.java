package org.agora.programmes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;

/**
 * Territories of their own for the network's tests (two départements, three communes) and centres created straight
 * through the module's repositories, each with a unique name.
 */
final class CyberCentreTestBed {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final long departement;
    final long otherDepartement;
    final long emptyDepartement;
    final long commune;
    final long otherCommune;
    private final CyberCentres centres;
    private final CentreAgreements agreements;
    private final CentrePayments payments;

    CyberCentreTestBed(ApplicationContext context) {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;CYBR;Région des cyber-centres;;
                DEPARTEMENT;CYBD1;Département des écrans;CYBR;
                DEPARTEMENT;CYBD2;Département des claviers;CYBR;
                DEPARTEMENT;CYBD3;Département sans écran;CYBR;
                LIVING_AREA;CYBL1;Bassin des souris;CYBD1;
                COMMUNE;CYBC1;Pixelville-sur-Loire;CYBL1;99301
                COMMUNE;CYBC2;Octet-les-Bains;CYBD2;99302
                """);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        departement = territories.findByCode(TerritoryKind.DEPARTEMENT, "CYBD1").orElseThrow().id();
        otherDepartement = territories.findByCode(TerritoryKind.DEPARTEMENT, "CYBD2").orElseThrow().id();
        emptyDepartement = territories.findByCode(TerritoryKind.DEPARTEMENT, "CYBD3").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "CYBC1").orElseThrow().id();
        otherCommune = territories.findByCode(TerritoryKind.COMMUNE, "CYBC2").orElseThrow().id();
        centres = context.getBean(CyberCentres.class);
        agreements = context.getBean(CentreAgreements.class);
        payments = context.getBean(CentrePayments.class);
    }

    static String unique(String name) {
        return name + " " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    /** An active centre in the first département's commune (or the other one), run by these accounts. */
    CyberCentre centre(String name, boolean otherDepartement, Long... facilitators) {
        long where = otherDepartement ? otherCommune : commune;
        CyberCentre centre = new CyberCentre(new CentreForm.Checked(unique(name), "1 rue du Test", where,
                otherDepartement ? this.otherDepartement : departement, "Contact", "contact@example.org",
                "02 00 00 00 00", List.of("9 h – 12 h", "", "", "", "", "", ""), new BigDecimal("47.50000"),
                new BigDecimal("1.50000"), CentreStatus.ACTIVE), Instant.now());
        for (Long facilitator : facilitators) {
            centre.addFacilitator(facilitator);
        }
        return centres.saveAndFlush(centre);
    }

    /** A three-year agreement from {@code startYear} at 2,000 € a year, with its payment lines. */
    CentreAgreement agreement(CyberCentre centre, int startYear) {
        CentreAgreement agreement = agreements.saveAndFlush(new CentreAgreement(centre.id(), startYear, 200_000L,
                Instant.now()));
        for (int year = startYear; year <= agreement.endYear(); year++) {
            payments.saveAndFlush(new CentrePayment(agreement.id(), year, 200_000L));
        }
        return agreement;
    }
}
