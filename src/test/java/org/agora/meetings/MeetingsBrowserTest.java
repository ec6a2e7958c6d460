package org.agora.meetings;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A participant registers to a demo meeting and cancels; staff create a meeting with a registration question. */
class MeetingsBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String WEBINAR = "Webinaire — Comment déposer une proposition";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aParticipantRegistersFromTheListThenCancelsFromTheirRegistrations() {
        signIn("participant@example.org", PASSWORD);
        open("/meetings");
        assertThat(page.locator("h1")).hasText("Rencontres à venir");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(WEBINAR)).click();
        assertThat(page.locator("h1")).hasText(WEBINAR);
        assertThat(main()).not().containsText("https://visio.example.org");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("S'inscrire").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("S'inscrire");
        assertAccessible(page);
        page.getByLabel("Besoins d'accessibilité").fill("Sous-titres, s'il vous plaît");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("M'inscrire")).click();

        assertThat(page.locator("[role=status]")).containsText("Votre place est réservée");
        assertThat(main()).containsText("https://visio.example.org/democratie-permanente");
        assertAccessible(page);
        screenshot(page, "meeting-registered");

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mes inscriptions")).click();
        assertThat(page.locator("h1")).hasText("Mes inscriptions aux rencontres");
        assertThat(main()).containsText(WEBINAR);
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuler mon inscription à " + WEBINAR)).click();

        assertThat(page.locator("[role=status]")).containsText("Votre inscription est annulée.");
        assertThat(main()).not().containsText(WEBINAR);
    }

    @Test
    void staffCreateAMeetingWithAQuestionAndPublishIt() {
        signIn("agent@example.org", PASSWORD);
        open("/admin");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rencontres")).click();
        assertThat(page.locator("h1")).hasText("Gérer les rencontres");
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nouvelle rencontre")).click();
        assertThat(page.locator("h1")).hasText("Nouvelle rencontre");
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#title-error")).isVisible();
        assertAccessible(page);

        page.getByLabel("Titre").fill("Séminaire des élus locaux");
        page.getByLabel("Description").fill("Une journée pour partager les premières suites données aux propositions.");
        page.getByLabel("Début").fill("2030-03-28T09:30");
        page.getByLabel("Fin").fill("2030-03-28T17:00");
        page.getByLabel("Territoire").selectOption(new SelectOption().setLabel("Département — Loiret"));
        page.getByLabel("Adresse", new Page.GetByLabelOptions().setExact(true)).fill("Hôtel de Région");
        page.getByLabel("Commune").fill("Orléans");
        page.getByLabel("Organisateur affiché").fill("Région Centre-Val de Loire");
        page.getByLabel("Nombre de places").fill("2");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();

        assertThat(page.locator("[role=status]")).containsText("Rencontre créée");
        assertThat(page.locator("h1")).containsText("Séminaire des élus locaux");
        page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("Déjeunerez-vous sur place ?");
        page.getByLabel("Type de réponse").selectOption("SINGLE_CHOICE");
        page.getByLabel("Réponses proposées").fill("Oui\nNon");
        page.getByLabel("Réponse obligatoire").check();
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter la question")).click();
        assertThat(main()).containsText("Déjeunerez-vous sur place ?");
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier")).click();
        assertThat(page.locator("[role=status]")).containsText("Rencontre publiée.");

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page publique")).click();
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("S'inscrire").setExact(true)).click();
        assertThat(main()).containsText("Déjeunerez-vous sur place ?");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("M'inscrire")).click();
        assertThat(page.locator("#error-summary")).containsText("Répondez à cette question.");
        assertAccessible(page);
        page.getByLabel("Oui").check();
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("M'inscrire")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre place est réservée");

        open("/meetings/series/tournee-citoyenne");
        assertThat(page.locator("h1")).hasText("La tournée citoyenne");
        assertAccessible(page);
        open("/admin/meetings/series");
        assertAccessible(page);
    }
}
