package org.agora.moderation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A participant reports a comment; a moderator hides it from the queue; the public sees the reason instead. */
class ModerationBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String LIST = "/processes/democratie-permanente-centre-val-de-loire/proposals";
    static final String TEXT = "Achetez vos montres de luxe à prix cassés sur notre site !";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    void signOut() {
        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();
    }

    Locator button(String name) {
        return main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    @Test
    void aReportedCommentIsHiddenByAModeratorAndThePublicSeesTheReason() {
        signIn("participant@example.org", PASSWORD);
        open(LIST);
        main().locator("ul.cards > li h3 a").first().click();
        String proposalPage = page.url();
        Locator newComment = main().locator("form.comment-form").first();
        newComment.getByLabel("Neutre").check();
        newComment.getByLabel("Votre commentaire").fill(TEXT);
        newComment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier le commentaire")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre commentaire est publié.");
        signOut();

        signIn("citoyen29@example.org", PASSWORD);
        page.navigate(proposalPage);
        reportComment(TEXT, "Indésirable ou publicité");
        signOut();

        signIn("moderateur@example.org", PASSWORD);
        hideCommentFromTheQueue(TEXT, "SPAM", "Publicité pour un site marchand");
        assertThat(main()).containsText("Masqué");
        screenshot(page, "moderation-case");
        signOut();

        page.navigate(proposalPage);
        assertThat(main()).containsText("Masqué par la modération (motif : indésirable ou publicité)");
        assertThat(main()).not().containsText(TEXT);
        assertAccessible(page);
    }

    @Test
    void anAdministratorReadsTheLogAndBlocksAParticipant() {
        signIn("admin@example.org", PASSWORD);
        open("/admin");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Modération")).click();
        assertThat(page.locator("h1")).hasText("File de modération");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Journal de modération")).click();
        assertThat(main().locator("table")).containsText("Masquage automatique");
        page.getByLabel("Action").selectOption("AUTO_HIDE");
        button("Filtrer").click();
        assertThat(main().locator("tbody tr").first()).containsText("Automatique (signalements)");
        assertAccessible(page);

        open("/admin/moderation/blocks");
        page.getByLabel("Adresse électronique du participant").fill("citoyen30@example.org");
        page.getByLabel("Motif du blocage").fill("Messages publicitaires répétés");
        button("Bloquer").click();
        assertThat(page.locator("[role=status]")).containsText("Le participant est bloqué.");
        assertThat(main().locator("table")).containsText("Messages publicitaires répétés");
        assertAccessible(page);
        screenshot(page, "moderation-blocks");
    }
}
