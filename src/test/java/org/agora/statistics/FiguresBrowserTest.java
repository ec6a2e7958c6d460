package org.agora.statistics;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The figures page, reached from a process page: tables of figures, accessible, downloadable as CSV. */
class FiguresBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired FiguresProjection projection;

    @Test
    void aVisitorOpensTheFiguresOfTheDemoProcessAndDownloadsThem() throws Exception {
        projection.recompute();
        open("/processes/democratie-permanente-centre-val-de-loire");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Les chiffres de la démarche")).click();
        assertThat(page.locator("h1")).containsText("Chiffres de la démarche");
        assertThat(page.locator("table.figure-table")).hasCount(4);
        assertThat(page.locator("svg.chart[role=img]")).hasCount(4);
        assertThat(figure("Propositions écrites en ligne")).as("the demo's proposals").isGreaterThanOrEqualTo(50);
        assertThat(page.locator("#block-organisations")).hasText("Organisations rencontrées");
        String met = page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Organisations rencontrées (distinctes)"))
                .locator("td").textContent().strip();
        assertThat(Integer.parseInt(met)).as("the demo's organisations met").isGreaterThanOrEqualTo(20);
        // The demo's launch seminar: 75 registered, 65 of them present, about forty survey answers.
        assertThat(figure("Inscrits présents")).as("present among the registered").isGreaterThanOrEqualTo(60);
        assertThat(figure("Réponses au questionnaire de satisfaction")).isGreaterThanOrEqualTo(30);
        assertThat(figure("Part de « tout à fait satisfaits » (%)")).isBetween(1, 100);
        assertAccessible(page);
        screenshot(page, "figures-process");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Télécharger ces chiffres (CSV)")).click());
        String csv = java.nio.file.Files.readString(download.path());
        assertThat(csv).contains("Rencontres;Rencontres tenues;").contains("Organisations rencontrées;Organisations rencontrées (distinctes);");

        open("/chiffres");
        assertThat(page.locator("h1")).hasText("Chiffres de la participation");
        assertThat(page.locator("#chart-contributions title")).hasText("Contributions — Depuis le début");
        assertAccessible(page);
        screenshot(page, "figures-instance");

        page.getByLabel("Territoire (avec tout ce qu’il contient)").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Département — Loiret"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir les chiffres du territoire")).click();
        assertThat(page.locator("h1")).hasText("Chiffres du territoire : Loiret");
        assertThat(page.locator("svg.chart[role=img]").first()).isVisible();
        assertAccessible(page);

        page.locator("#period-preset").selectOption("30d");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher la période")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("territory=\\d+.*period=30d|period=30d.*territory=\\d+"));
        assertThat(page.getByText("Chiffres de la période : Les 30 derniers jours.")).isVisible();
        assertAccessible(page);
        screenshot(page, "figures-territory");

        open("/chiffres?from=2026-02-30");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("La date de début n’est pas une date valide");
        assertAccessible(page);
    }

    private int figure(String label) {
        return Integer.parseInt(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(label))
                .first().locator("td").textContent().strip());
    }
}
