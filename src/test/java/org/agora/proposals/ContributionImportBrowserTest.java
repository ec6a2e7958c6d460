package org.agora.proposals;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Staff upload a Decidim export, see its columns mapped, read the dry run's errors by line, and every page is accessible. */
class ContributionImportBrowserTest extends BrowserTest {

    static final String IMPORT = "/admin/processes/democratie-permanente-centre-val-de-loire/import";

    @Test
    void staffUploadADecidimExportSeeItsColumnsMappedAndTheErrorsOfTheDryRunByLine() {
        signIn("agent@example.org", "agora-demo-2026");
        open(IMPORT);
        assertThat(page.locator("h1")).hasText("Importer des contributions");
        assertAccessible(page);

        String csv = "id;title/fr;body/fr;category/name/fr;published_at\n"
                + "browser-1;Des navettes le dimanche vers la Loire;Relier les villages aux bords de Loire le dimanche.;Thème inconnu;2025-03-12\n"
                + "browser-2;Court;Un texte assez long pour être accepté ici.;Thème inconnu;pas une date\n";
        page.locator("#import-file").setInputFiles(new FilePayload("decidim.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Envoyer le fichier")).click();

        assertThat(page.locator("h1")).hasText("Associer les colonnes du fichier");
        assertThat(page.locator("#column-1")).hasValue("title");
        assertThat(page.locator("#column-2")).hasValue("body");
        assertAccessible(page);

        page.locator("#sourceName").fill("Consultation en ligne Decidim 2025");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Vérifier toutes les lignes")).click();

        assertThat(page.locator("h1")).hasText("Vérification du fichier");
        Locator problems = page.locator("table.import-problems tbody tr");
        assertThat(problems.first()).containsText("2");
        assertThat(page.locator(".error-summary")).containsText("rien n’a été importé");
        assertThat(page.locator("table.import-problems")).containsText("published_at");
        assertAccessible(page);
        screenshot(page, "contribution-import-report");
    }
}
