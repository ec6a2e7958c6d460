package org.agora.statistics;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The figures page, reached from a process page: tables of figures, accessible, downloadable as CSV. */
class FiguresBrowserTest extends BrowserTest {

    @Test
    void aVisitorOpensTheFiguresOfTheDemoProcessAndDownloadsThem() throws Exception {
        open("/processes/democratie-permanente-centre-val-de-loire");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Les chiffres de la démarche")).click();
        assertThat(page.locator("h1")).containsText("Chiffres de la démarche");
        assertThat(page.locator("table.figure-table")).hasCount(3);
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
        assertAccessible(page);
    }

    private int figure(String label) {
        return Integer.parseInt(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(label))
                .first().locator("td").textContent().strip());
    }
}
