package org.agora.accountability;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The public pages of the charter and strategy, read by anyone; a staff member posts a work programme update. */
class StrategyBrowserTest extends BrowserTest {

    static final String PROGRAMME = "/chantiers/cars-express-entre-bassins-de-vie";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void anyoneFollowsTheStrategyFromTheNavigationToAWorkProgrammeAndWhatElseWasDone() {
        open("/");
        page.getByRole(AriaRole.NAVIGATION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Menu principal"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ce que nous en faisons")).click();
        assertThat(page.locator("h1")).hasText("Stratégie régionale");
        assertThat(main()).containsText("Ambition 1 : Se déplacer librement partout en Centre-Val de Loire");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cars express entre bassins de vie")).click();
        assertThat(page.locator("h1")).hasText("Cars express entre bassins de vie");
        assertThat(main()).containsText("65 %");
        assertThat(main()).containsText("Issu de vos propositions");
        assertAccessible(page);
        screenshot(page, "work-programme");

        for (String path : new String[] {"/charte", "/mesures", "/transmissions", "/saisines", "/strategie?lang=en"}) {
            open(path);
            assertThat(main().locator("h1")).isVisible();
            assertAccessible(page);
        }
        open("/mesures");
        main().locator("ul li a").first().click();
        assertThat(main()).containsText("Historique de la mise en œuvre");
        assertAccessible(page);
        open("/transmissions");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sécurité des passages à niveau")).click();
        assertThat(main()).containsText("Transmise à Préfecture de la région Centre-Val de Loire (État)");
        assertThat(main()).containsText("Réponse reçue le");
        assertAccessible(page);
        open("/saisines");
        main().locator("ul li a").last().click();
        assertThat(main()).containsText("Le CESER salue la démarche");
        assertAccessible(page);
    }

    @Test
    void staffPostAWorkProgrammeUpdateThatJoinsItsPublicTimeline() {
        signIn("admin@example.org", "agora-demo-2026");
        open("/admin/strategie");
        assertAccessible(page);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Plan vélo régional")).click();
        assertThat(page.locator("h1")).hasText("Plan vélo régional");
        assertAccessible(page);

        Locator form = page.locator("#update-form");
        form.getByLabel("Texte de l’actualité").fill("");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier l’actualité")).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(form.getByLabel("Texte de l’actualité")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        form = page.locator("#update-form");
        form.getByLabel("Texte de l’actualité").fill("Les deux premiers itinéraires sont en travaux.");
        form.getByLabel("Avancement (0 à 100 %)").fill("45");
        form.getByLabel("Statut").selectOption("ONGOING");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier l’actualité")).click();
        assertThat(page.locator("[role=status]")).containsText("Enregistré.");

        open("/chantiers/plan-velo-regional");
        assertThat(main()).containsText("Les deux premiers itinéraires sont en travaux.");
        assertThat(main()).containsText("Premier appel à projets lancé auprès des intercommunalités.");
        assertThat(main()).containsText("45 %");
        assertAccessible(page);
    }
}
