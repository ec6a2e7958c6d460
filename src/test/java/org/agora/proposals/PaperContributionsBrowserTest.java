package org.agora.proposals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A facilitator types in three proposals from a Fabrik; they are listed with where and by whom they were collected. */
class PaperContributionsBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String LIST = "/processes/democratie-permanente-centre-val-de-loire/proposals";
    static final String LABEL = "Fabrik de Tours, 14 mars 2026";
    static final String[] TITLES = {"Des navettes le dimanche vers les bords de Loire",
            "Un atelier de réparation de vélos au lycée", "Des bancs ombragés sur le boulevard"};

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aFacilitatorEntersThreeProposalsFromAFabrikAndSeesThemListedWithTheirProvenance() {
        signIn("animateur@example.org", PASSWORD);
        open(LIST);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Saisir des propositions recueillies sur papier")).click();
        assertThat(page.locator("h1")).hasText("Saisir des propositions recueillies sur papier");
        assertAccessible(page);

        page.getByLabel("Où ces propositions ont été recueillies").first().fill(LABEL);
        page.locator("#territory").selectOption(new SelectOption().setIndex(1));
        for (int item = 1; item <= 3; item++) {
            page.locator("#items-" + item + "-title").fill(TITLES[item - 1]);
            page.locator("#items-" + item + "-body").fill("Proposé par un habitant lors de l’atelier : " + TITLES[item - 1].toLowerCase() + ".");
            if (item != 3) {
                page.locator("#items-" + item + "-theme").selectOption(new SelectOption().setIndex(1));
            }
        }
        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier ces propositions")).click());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator(".error-summary")).containsText("Proposition 3, thème");
        assertThat(page.locator("#items-3-theme")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        screenshot(page, "paper-form-errors");

        page.locator("#items-3-theme").selectOption(new SelectOption().setIndex(2));
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier ces propositions")).click();

        assertThat(page.locator("[role=status]")).containsText("Les propositions recueillies sur papier sont publiées.");
        Locator cards = main().locator("ul.cards > li");
        for (String title : TITLES) {
            Locator card = cards.filter(new Locator.FilterOptions().setHasText(title));
            assertThat(card).containsText("Recueillie lors de " + LABEL + " par Lucas Animateur");
            assertThat(card).containsText("Contribution recueillie sur papier");
        }
        assertAccessible(page);
        screenshot(page, "paper-proposals-listed");

        cards.filter(new Locator.FilterOptions().setHasText(TITLES[0])).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(TITLES[0])).click();
        assertThat(page.locator("h1")).hasText(TITLES[0]);
        assertThat(main().locator(".provenance")).containsText("Recueillie lors de " + LABEL + " par Lucas Animateur");
        assertAccessible(page);

        open("/ambassadeurs");
        assertThat(page.locator("h1")).hasText("Les ambassadeurs");
        assertThat(main()).containsText("Lucas Animateur");
        assertAccessible(page);
    }
}
