package org.agora.accounts;

import java.nio.file.Files;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer's whole journey through their account, in a real browser, every page scanned for accessibility. */
class AccountsBrowserTest extends BrowserTest {

    @Test
    void aNewcomerSignsUpConfirmsSignsInEditsTheProfileDownloadsTheDataAndSignsOut() throws Exception {
        Page page = open("/");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer un compte").setExact(true)).first().click();
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertAccessible(page);
        screenshot(page, "signup-errors");

        page.getByLabel("Adresse électronique").fill("marie.curie@example.org");
        page.getByLabel("Pseudonyme public").fill("Marie C");
        page.getByLabel("Mot de passe").fill("les sciences ouvrent des portes");
        page.getByLabel("Commune de résidence (facultatif)").fill("45000");
        page.getByLabel("J'accepte les").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(page.locator("h1")).hasText("Vérifiez votre messagerie");
        assertAccessible(page);

        open(latestMailLink("marie.curie@example.org").replaceFirst("^https?://[^/]+", ""));
        assertThat(page.locator("main")).containsText("Votre adresse est confirmée");
        assertAccessible(page);

        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        assertAccessible(page);
        page.getByLabel("Adresse électronique").fill("marie.curie@example.org");
        page.getByLabel("Mot de passe").fill("les sciences ouvrent des portes");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte (Marie C)"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte (Marie C)")).click();
        assertThat(page.locator("main")).containsText("Orléans");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier mon profil")).click();
        assertAccessible(page);
        page.getByLabel("Pseudonyme public").fill("Marie Curie");
        page.getByLabel("Un résumé quotidien").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre profil a été enregistré.");
        assertThat(page.locator("main")).containsText("Marie Curie");
        assertAccessible(page);

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger mes données (fichier JSON)")).click());
        String json = Files.readString(download.path());
        assertThat(json).contains("\"email\":\"marie.curie@example.org\"").contains("\"pseudonym\":\"Marie Curie\"");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        assertThat(page.locator("[role=status]")).containsText("Vous êtes déconnecté.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter").setExact(true))).isVisible();
        assertAccessible(page);
        screenshot(page, "signed-out");
    }

    @Test
    void aParticipantCannotOpenTheAdminArea() {
        Page page = open("/login");
        page.getByLabel("Adresse électronique").fill("participant@example.org");
        page.getByLabel("Mot de passe").fill(AccountsBootstrap.DEMO_PASSWORD);
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration"))).hasCount(0);

        var response = page.navigate(url("/admin"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Accès refusé");
        assertAccessible(page);
    }
}
