package org.agora.processes;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff run a process from the admin area to its public page; visitors list, filter and read processes. */
class ProcessesBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "agora-demo-2026";
    static final String TITLE = "Assises de l’eau dans le Loiret";
    static final String SLUG = "assises-de-l-eau-dans-le-loiret";

    @Test
    void staffCreatesAProcessAfterFixingTheFormThenPublishesItAndVisitorsReadItsTimeline() {
        signIn("agent@example.org", DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Administration");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Démarches").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Gérer les démarches");
        assertThat(page.locator("table caption")).hasText("Les démarches que vous gérez");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nouvelle démarche")).click();
        assertThat(page.locator("h1")).hasText("Nouvelle démarche");
        assertAccessible(page);

        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"), this::save);
        assertThat(refused.status()).isEqualTo(400);
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.getByRole(AriaRole.LINK)).hasText(new String[] {
                "Indiquez le titre de la démarche.", "Indiquez un résumé.", "Choisissez le territoire concerné."});
        assertThat(page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#title-error")).hasText("Indiquez le titre de la démarche.");
        assertThat(page.locator("#territoryId-error")).hasText("Choisissez le territoire concerné.");
        assertAccessible(page);
        screenshot(page, "process-form-errors");

        page.getByLabel("Titre", new Page.GetByLabelOptions().setExact(true)).fill(TITLE);
        page.getByLabel("Résumé").fill("Partager l’état de la ressource en eau et décider ensemble des priorités.");
        page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true)).fill("""
                ## Pourquoi ces assises

                La **ressource en eau** se raréfie : trois rendez-vous pour en débattre.

                - des ateliers dans chaque bassin de vie
                - une contribution en ligne
                """);
        page.getByLabel("Territoire concerné").selectOption(new SelectOption().setLabel("Département — Loiret"));
        Locator firstPhase = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Étape 1").setExact(true));
        assertThat(firstPhase.getByLabel("Nom de l’étape")).hasValue("Découvrir");
        firstPhase.getByLabel("Description de l’étape (facultative)").fill("Réunions de lancement à Orléans et Montargis.");
        page.getByLabel("Rencontres").check();
        save();

        assertThat(page.locator("[role=status]")).containsText("La démarche a été créée.");
        assertThat(page.locator("h1")).hasText(TITLE);
        assertThat(main().locator(".badge")).hasText("Brouillon");
        assertThat(main().locator("dl.details")).containsText("Loiret");
        assertThat(main().locator("ol.timeline > li")).hasCount(4);
        assertAccessible(page);
        String adminPage = page.url();

        try (BrowserContext visitor = anonymousContext()) {
            Page visitorPage = visitor.newPage();
            assertThat(visitorPage.navigate(url("/processes/" + SLUG)).status()).isEqualTo(404);
            assertThat(visitorPage.locator("h1")).hasText("Page introuvable");
        }

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Modifier la démarche")).click();
        assertThat(page.locator("h1")).hasText("Modifier la démarche");
        assertThat(page.getByLabel("Territoire concerné").locator("option:checked")).hasText("Département — Loiret");
        assertAccessible(page);
        page.getByLabel("Résumé").fill("Partager l’état de la ressource en eau du Loiret et décider ensemble des priorités.");
        save();
        assertThat(page.locator("[role=status]")).containsText("Les modifications ont été enregistrées.");
        assertThat(page.url()).isEqualTo(adminPage);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier")).click();
        assertThat(page.locator("[role=status]")).containsText("La démarche est publiée.");
        assertThat(main().locator(".badge")).hasText("Publiée");
        assertThat(page.locator("table")).containsText("Publication");
        assertAccessible(page);
        screenshot(page, "process-admin-published");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu principal"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Démarches")).click();
        assertThat(page.locator("h1")).hasText("Démarches");
        assertAccessible(page);
        Locator card = main().locator("li.card", new Locator.LocatorOptions().setHasText(TITLE));
        assertThat(card).containsText("Loiret");
        assertThat(card).containsText("Découvrir");
        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(TITLE)).click();

        assertThat(page).hasURL(url("/processes/" + SLUG));
        assertThat(page.locator("h1")).hasText(TITLE);
        assertThat(page.locator(".lead")).hasText("Partager l’état de la ressource en eau du Loiret et décider ensemble des priorités.");
        assertThat(page.locator(".prose h2")).hasText("Pourquoi ces assises");
        assertThat(page.locator(".prose strong")).hasText("ressource en eau");
        assertThat(page.locator(".prose li")).hasCount(2);
        Locator timeline = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Les étapes"));
        assertThat(timeline.getByRole(AriaRole.LISTITEM)).hasCount(4);
        assertThat(timeline.locator("li strong")).hasText(new String[] {"Découvrir", "Contribuer", "Répondre", "Rendre compte"});
        Locator current = timeline.locator("li[aria-current=step]");
        assertThat(current).hasCount(1);
        assertThat(current).containsText("Découvrir");
        assertThat(current).containsText("(phase en cours)");
        assertThat(current).containsText("Réunions de lancement à Orléans et Montargis.");
        assertAccessible(page);
        screenshot(page, "process-public-page");
    }

    @Test
    void visitorsFilterTheListByTerritoryAndTheFilterStaysInTheAddress() {
        open("/processes?when=past");
        assertThat(main().locator("li.card h3")).containsText(new String[] {"Concertation sur les mobilités du quotidien en Touraine"});
        assertAccessible(page);

        page.getByLabel("Territoire").selectOption(new SelectOption().setLabel("— Loiret"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();

        assertThat(page).hasURL(Pattern.compile("when=past.*territory=\\d+"));
        assertThat(page.getByLabel("Territoire").locator("option:checked")).hasText("— Loiret");
        assertThat(main()).containsText("Aucune démarche ne correspond à ces critères.");
        assertAccessible(page);

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Période"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("À venir")).click();
        assertThat(page).hasURL(Pattern.compile("when=upcoming.*territory=\\d+"));
        assertThat(main().locator("li.card h3")).hasText(new String[] {"Budget participatif des lycées du Loiret"});
        assertThat(main()).not().containsText("Charte régionale de la participation citoyenne");
        assertAccessible(page);
        screenshot(page, "processes-upcoming-loiret");
    }

    @Test
    void aDraftIsNotShownToThePublic() {
        open("/processes?when=upcoming");
        assertThat(main()).not().containsText("Charte régionale de la participation citoyenne");

        Response response = page.navigate(url("/processes/charte-participation-citoyenne"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page introuvable");
        assertAccessible(page);
    }

    private Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    private void save() {
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
    }

    private BrowserContext anonymousContext() {
        Browser browser = page.context().browser();
        return browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
    }
}
