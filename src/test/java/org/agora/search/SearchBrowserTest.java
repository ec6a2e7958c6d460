package org.agora.search;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A visitor searches the demo data from the header and narrows the results; a participant sees similar proposals. */
class SearchBrowserTest extends BrowserTest {

    static final String SLUG = "democratie-permanente-centre-val-de-loire";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aVisitorSearchesFromTheHeaderAndFiltersTheResults() {
        open("/");
        Locator headerSearch = page.getByRole(AriaRole.SEARCH, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Rechercher sur le site"));
        headerSearch.getByLabel("Rechercher").fill("l'école");
        headerSearch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page.locator("h1")).hasText("Rechercher");
        assertThat(main().locator("h2").first()).containsText("résultat");
        assertThat(main().locator("ol.search-results mark").first()).hasText("écoles");
        assertAccessible(page);
        screenshot(page, "search-results");

        main().getByLabel("Mots recherchés").fill("velo");
        main().getByLabel("Type de contenu").selectOption("proposal");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=velo.*type=proposal.*"));
        assertThat(main().locator("ol.search-results > li").first()).containsText("Proposition");
        assertThat(main().locator("ol.search-results mark").first()).hasText("vélos");
        assertAccessible(page);
    }

    @Test
    void similarProposalsAppearWhileAParticipantTypesATitle() {
        signIn("participant@example.org", "agora-demo-2026");
        open("/processes/" + SLUG + "/proposals/new");
        page.getByLabel("Titre").pressSequentially("Des abris pour les vélos à la gare");

        Locator similar = page.locator("#similar-proposals");
        assertThat(similar.getByRole(AriaRole.LINK).first()).containsText("vélos");
        assertAccessible(page);
        screenshot(page, "proposal-form-similar");
    }

    @Test
    void theAdministratorRebuildsTheIndex() {
        signIn("admin@example.org", "agora-demo-2026");
        open("/admin");
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Index de recherche")).click();
        assertThat(page.locator("h1")).hasText("Index de recherche");
        assertAccessible(page);

        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reconstruire l’index")).click();
        assertThat(page.locator(".notice-success")).containsText("L’index de recherche a été reconstruit.");
        assertThat(main().locator("[role=status]")).containsText("contenus indexés en");
        assertAccessible(page);
    }
}
