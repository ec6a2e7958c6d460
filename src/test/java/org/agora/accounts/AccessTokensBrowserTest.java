package org.agora.accounts;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.shared.Clocks;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A person creates a personal access token from their account, copies it once, finds it listed and revokes it. */
class AccessTokensBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "agora-demo-2026";

    @Test
    void aParticipantCreatesListsAndRevokesAPersonalAccessToken() {
        signIn("citoyen27@example.org", DEMO_PASSWORD);
        open("/account");
        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Jetons d’accès personnels")).click();
        assertThat(page.locator("h1")).hasText("Jetons d’accès personnels");
        assertAccessible(page);

        page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Créer un jeton d’accès")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le jeton")).click();
        assertThat(page.locator("#error-summary")).containsText("Donnez un nom au jeton.");
        assertThat(page.locator("#error-summary")).containsText("Cochez au moins une autorisation.");
        assertAccessible(page);

        String name = "Appli du conseil de quartier " + System.nanoTime();
        page.getByLabel("Nom").fill(name);
        page.getByLabel("Soutenir des propositions et retirer son soutien").check();
        page.getByLabel("Date d’expiration").fill(LocalDate.now(Clocks.PARIS).plusMonths(3).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le jeton")).click();
        assertThat(page.locator("h1")).hasText("Votre nouveau jeton d’accès");
        String secret = page.locator("#secret").inputValue();
        assertThat(secret).matches("agora_pat_[A-Za-z0-9_-]{43}");
        assertAccessible(page);
        screenshot(page, "token-created");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("J’ai copié le jeton, revenir à la liste")).click();
        Locator row = page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText(secret.substring(0, 16));
        assertThat(row).containsText("Soutenir des propositions");
        assertThat(page.content()).doesNotContain(secret);
        assertAccessible(page);
        screenshot(page, "tokens");

        row.getByRole(AriaRole.LINK).click();
        assertThat(page.locator("h1")).hasText("Révoquer un jeton d’accès");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le jeton")).click();
        assertThat(page.locator(".notice-success")).containsText("Le jeton est révoqué.");
        assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name))).hasCount(0);
    }
}
