package org.agora.panels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;

/** Panels made for one test: their own names, the small fixture files of src/test/resources/panels/web. */
final class PanelTestBed {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PanelTestBed() {
    }

    static long territory(ApplicationContext context) {
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        if (territories.findByCode(TerritoryKind.DEPARTEMENT, "PNLD").isEmpty()) {
            new TerritoryFixtures(context).load("""
                    kind;code;name;parent_code;postal_codes
                    REGION;PNLR;Région des panels;;
                    DEPARTEMENT;PNLD;Département des panels;PNLR;
                    """);
        }
        return territories.findByCode(TerritoryKind.DEPARTEMENT, "PNLD").orElseThrow().id();
    }

    static String fixture(String name) {
        try (InputStream in = PanelTestBed.class.getResourceAsStream("/panels/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("No fixture " + name, missing);
        }
    }

    static String uniqueName(String base) {
        return base + " " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** A panel of 4 seats with the fixture's quotas, recruiting from an hour ago for a week. */
    static Panel recruitingPanel(PanelManagement management, Panels panels, AgoraUser staff, long territory,
                                 java.time.Clock clock) {
        String opens = PanelForm.local(clock.instant().minus(Duration.ofHours(1)));
        String closes = PanelForm.local(clock.instant().plus(Duration.ofDays(7)));
        PanelForm form = new PanelForm(uniqueName("Panel d’essai"), "Donner un avis sur les transports.",
                String.valueOf(territory), "4", "address,postcode", "", "", opens, closes, "30", fixture("quotas.csv"));
        PanelManagement.Saved saved = management.save(staff, null, form);
        if (!saved.ok()) {
            throw new IllegalStateException("Fixture panel refused: " + saved.problems() + " " + saved.quotaProblems());
        }
        management.openRecruitment(staff, saved.id());
        return panels.find(saved.id()).orElseThrow();
    }
}
