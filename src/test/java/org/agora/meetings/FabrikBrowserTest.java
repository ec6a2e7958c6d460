package org.agora.meetings;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A facilitator types in, from their Fabrik, three proposals collected there; the meeting and the list show them. */
class FabrikBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String LIST = "/processes/democratie-permanente-centre-val-de-loire/proposals";
    static final String[] TITLES = {"Un covoiturage organisé depuis la Fabrik", "Des arceaux à vélos devant la gare",
            "Un bus de nuit le samedi"};

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aFacilitatorEntersThreeProposalsFromTheirFabrikAndSeesThemOnTheMeetingAndTheList() {
        signIn("animateur@example.org", PASSWORD);
        open("/meetings?kind=fabrik");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Fabrik des mobilités")).first().click();
        String meetingTitle = page.locator("h1").textContent().strip();
        String meetingPath = page.url().substring(page.url().indexOf("/meetings/"));
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Saisir les propositions recueillies sur papier")).click();
        assertThat(page.locator("h1")).hasText("Propositions recueillies lors de « " + meetingTitle + " »");
        assertThat(page.locator("#label")).hasCount(0);
        assertAccessible(page);

        for (int item = 1; item <= 3; item++) {
            page.locator("#items-" + item + "-title").fill(TITLES[item - 1]);
            page.locator("#items-" + item + "-body").fill("Proposé lors de la Fabrik : " + TITLES[item - 1].toLowerCase() + ".");
            page.locator("#items-" + item + "-theme").selectOption("Mobilités");
        }
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier ces propositions")).click();

        assertThat(page.locator("[role=status]")).containsText("Les propositions recueillies sur papier sont publiées.");
        assertThat(page.locator("h1")).hasText(meetingTitle);
        Locator collected = main().locator("ul.collected-proposals");
        for (String title : TITLES) {
            assertThat(collected.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title))).isVisible();
        }
        assertAccessible(page);
        screenshot(page, "fabrik-collected");

        open(LIST);
        Locator cards = main().locator("ul.cards > li");
        for (String title : TITLES) {
            Locator card = cards.filter(new Locator.FilterOptions().setHasText(title));
            assertThat(card).containsText("Recueillie lors de " + meetingTitle);
            assertThat(card).containsText("par Lucas Animateur");
        }
        assertAccessible(page);

        cards.filter(new Locator.FilterOptions().setHasText(TITLES[0])).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(TITLES[0])).click();
        assertThat(main().locator(".provenance a")).hasAttribute("href", meetingPath);
        assertAccessible(page);
    }

    @Test
    void aFacilitatorRecordsAnOrganisationMetAtTheirFabrikWhichItsPageThenLists() {
        signIn("animateur@example.org", PASSWORD);
        open("/meetings?kind=fabrik");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Fabrik des mobilités")).first().click();
        String meetingPath = page.url().substring(page.url().indexOf("/meetings/"));
        open("/admin" + meetingPath + "/organisations");
        assertAccessible(page);
        page.getByLabel("Début du nom de l’organisation").fill("Collectif");
        page.getByLabel("Partout").check();
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Chercher")).click();
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter Collectif Mobilités douces Tours aux organisations rencontrées")).click();
        assertThat(page.locator("[role=status]")).containsText("L’organisation est ajoutée aux organisations rencontrées.");
        assertThat(main().locator("table")).containsText("Collectif Mobilités douces Tours");
        assertAccessible(page);
        screenshot(page, "fabrik-organisations");

        open(meetingPath);
        assertThat(main().locator("ul.organisations-met")).containsText("Collectif Mobilités douces Tours — Association");
        assertAccessible(page);
    }
}
