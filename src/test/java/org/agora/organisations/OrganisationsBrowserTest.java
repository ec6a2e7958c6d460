package org.agora.organisations;

import com.microsoft.playwright.Page;
import org.agora.BrowserTest;
import org.agora.territories.TerritoryFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A staff member records an organisation, fixes a mistake in the form, finds it in the list. Same context as the outbox's. */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=administration@agora.test",
        "agora.admin.password=Boite-Envoi-Navigateur-2026"})
class OrganisationsBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void anAdministratorRecordsAnOrganisationAfterFixingItsSiren() {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;ORGBR;Région du navigateur;;
                DEPARTEMENT;ORGBD;Département du navigateur;ORGBR;
                COMMUNE;ORGBC;Navigueville;ORGBD;99201
                """);
        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");

        open("/admin");
        page.locator("a[href='/admin/organisations']").click();
        assertThat(page.locator("h1")).hasText("Structures rencontrées");
        assertAccessible(page);
        page.locator("main a.button").click();
        assertThat(page.locator("h1")).hasText("Ajouter une structure");
        assertAccessible(page);

        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Les Navigateurs associés");
        page.getByLabel("Commune", new Page.GetByLabelOptions().setExact(true)).fill("99201");
        page.getByLabel("SIREN (facultatif)").fill("732 829 321");
        page.locator("main form.stacked button[type=submit]").click();
        assertThat(page.locator(".error-summary")).containsText("sa clé doit être juste");
        assertThat(page.locator("#siren")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        screenshot(page, "organisation-form-errors");

        page.getByLabel("SIREN (facultatif)").fill("732 829 320");
        page.locator("main form.stacked button[type=submit]").first().click();
        assertThat(page.locator(".notice-success")).containsText("La structure est enregistrée.");
        assertThat(page.locator("h1")).hasText("Les Navigateurs associés");
        assertThat(page.locator("#commune")).hasValue("Navigueville (99201)");
        assertAccessible(page);

        open("/admin/organisations?q=navigateurs");
        assertThat(page.locator("tbody th a")).hasText("Les Navigateurs associés");
        assertAccessible(page);
        screenshot(page, "organisations-list");
    }
}
