package org.agora.opendata;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The open data page from the footer, a schema page and the staff page, built from the demo data. */
class OpenDataBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "agora-demo-2026";

    @Test
    void aVisitorFindsTheDatasetsTheirColumnsAndTheLicenceAndStaffRebuildThem() {
        open("/");
        page.getByRole(AriaRole.CONTENTINFO).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Données ouvertes")).click();
        assertThat(page.locator("h1")).hasText("Données ouvertes");
        assertThat(page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Licence Ouverte / Open Licence version 2.0 (Etalab)"))).hasCount(1);
        assertThat(page.locator("a[href$='/donnees/proposals-excel.csv']")).hasCount(1);
        assertAccessible(page);
        screenshot(page, "opendata-datasets");

        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Propositions").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Propositions");
        assertThat(page.locator("table th[scope=row] code", new com.microsoft.playwright.Page.LocatorOptions().setHasText("answered_at"))).hasCount(1);
        assertAccessible(page);
        screenshot(page, "opendata-schema");

        signIn("admin@example.org", DEMO_PASSWORD);
        open("/admin/opendata");
        assertThat(page.locator("h1")).hasText("Données ouvertes : production des fichiers");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Reproduire les fichiers maintenant")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).isVisible();
        assertAccessible(page);
        screenshot(page, "opendata-admin");
    }
}
