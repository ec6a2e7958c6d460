package org.agora.proposals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A participant writes a proposal through its preview; it is listed; another participant supports it. */
class ProposalsBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String LIST = "/processes/democratie-permanente-centre-val-de-loire/proposals";
    static final String TITLE = "Un car du soir entre Vierzon et Bourges";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aParticipantPublishesAProposalThroughItsPreviewAndAnotherSupportsIt() {
        signIn("participant@example.org", PASSWORD);
        open(LIST);
        assertThat(page.locator("h1")).containsText("Propositions");
        assertThat(main().locator("ul.cards > li")).hasCount(20);
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Déposer une proposition")).click();
        assertThat(page.locator("h1")).hasText("Nouvelle proposition");
        assertAccessible(page);

        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prévisualiser")).click());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#title-error")).hasText("Indiquez un titre.");
        assertThat(page.getByLabel("Titre")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        screenshot(page, "proposal-form-errors");

        page.getByLabel("Titre").fill(TITLE);
        page.getByLabel("Votre proposition").fill("Le dernier car part trop tôt : un départ vers 21 heures permettrait "
                + "de rentrer après le travail ou une séance de cinéma.");
        page.getByLabel("Territoire concerné").selectOption(new SelectOption().setLabel("Département — Cher"));
        page.getByLabel("Thème").selectOption("Mobilités");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prévisualiser")).click();

        assertThat(page.locator("h1")).hasText("Relire avant de publier");
        assertThat(main()).containsText(TITLE);
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier")).click();

        assertThat(page.locator("[role=status]")).containsText("Votre proposition est publiée.");
        assertThat(page.locator("h1")).hasText(TITLE);
        assertThat(main().locator(".badge").first()).containsText("Proposition n°");
        assertAccessible(page);
        String proposalPage = page.url();
        screenshot(page, "proposal-page");

        open(LIST);
        assertThat(main().locator("ul.cards > li").first()).containsText(TITLE);

        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();
        signIn("citoyen07@example.org", PASSWORD);
        page.navigate(proposalPage);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Soutenir cette proposition")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre soutien est enregistré.");
        assertThat(main()).containsText("Vous soutenez cette proposition.");
        assertThat(main().locator("dl.details")).containsText("1");
        assertAccessible(page);

        Locator newComment = main().locator("form.comment-form").first();
        newComment.getByLabel("Pour").check();
        newComment.getByLabel("Votre commentaire").fill("Une navette le samedi aiderait aussi les apprentis.");
        newComment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier le commentaire")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre commentaire est publié.");
        assertThat(main().locator(".comment-list")).containsText("Une navette le samedi aiderait aussi les apprentis.");
        assertAccessible(page);
        screenshot(page, "proposal-with-comment");

        open(LIST + "?sort=supported&theme=Mobilit%C3%A9s");
        assertThat(page.locator("h1")).containsText("Propositions");
        assertAccessible(page);
        assertThat(page.getByLabel("Trier par")).hasValue("supported");
    }
}
