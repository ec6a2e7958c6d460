package org.agora.library;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library in a real browser on the demo data: a participant proposes an initiative, staff publish it, and it shows
 * in the catalogue, the search and the territory view; a resource's file is downloaded. Every page is checked by axe.
 */
class LibraryBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "agora-demo-2026";
    static final String TITLE = "Navigateur : les veillées citoyennes de Vierzon";

    private Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aParticipantProposesAnInitiativeThatStaffPublishAndEveryoneFinds() {
        signIn("participant@example.org", DEMO_PASSWORD);
        open("/initiatives");
        assertThat(page.locator("h1")).hasText("Initiatives");
        assertAccessible(page);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Proposer une initiative")).click();
        assertThat(page.locator("h1")).hasText("Proposer une initiative");
        assertAccessible(page);

        page.getByLabel("Titre").fill(TITLE);
        page.getByLabel("Résumé").fill("Des soirées au coin du feu où les habitants racontent leur ville et proposent.");
        page.getByLabel("Type de démarche").selectOption("CITIZEN_EXPRESSION");
        page.getByLabel("Territoire").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Bassin de vie — Vierzon"));
        page.getByLabel("Outils utilisés").fill("Veillées, carnet de propositions");
        page.getByLabel("Date de début").fill("2025-02-01");
        page.getByLabel("Date de fin").fill("2024-12-01");
        page.getByLabel("Ce qui a marché, ou pas").fill("Ce qui a marché : la convivialité.");
        page.getByLabel("Mots-clés").fill("veillée, récit");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prévisualiser")).click();
        assertThat(page.locator(".error-summary")).containsText("La date de fin ne peut précéder la date de début.");
        assertThat(page.locator("#endedOn")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Date de fin").fill("2025-06-30");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prévisualiser")).click();
        assertThat(page.locator("#preview-title")).hasText("Aperçu");
        assertThat(main().locator("section.card")).containsText("Vierzon");
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer pour relecture")).click();
        assertThat(page.locator(".notice-success")).containsText("l’équipe la relira");
        assertThat(page.locator("h1")).hasText(TITLE);
        assertThat(main()).containsText("En attente de relecture");
        assertAccessible(page);
        String initiativePath = page.url().replaceFirst("^http://[^/]+", "");

        open("/account/initiatives");
        assertThat(main()).containsText(TITLE);
        assertAccessible(page);
        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();

        signIn("agent@example.org", DEMO_PASSWORD);
        open("/admin");
        page.locator("a[href='/admin/library']").click();
        assertThat(page.locator("h1")).hasText("Bibliothèque et réseau");
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier « " + TITLE + " »")).click();
        assertThat(page.locator(".notice-success")).containsText("L’initiative est publiée");
        assertThat(outbox.latestTo("participant@example.org").orElseThrow().subject()).contains(TITLE);
        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();

        open("/initiatives");
        assertThat(main().locator(".search-results")).containsText(TITLE);
        main().locator("#q").fill("veillees vierzon");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(main().locator(".search-results h3").first()).hasText(TITLE);
        assertThat(main().locator(".search-results mark").first()).isVisible();
        assertAccessible(page);
        screenshot(page, "library-search");

        open("/initiatives/territoires");
        assertThat(page.locator("h1")).hasText("Les initiatives par territoire");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vierzon").setExact(true)).click();
        assertThat(main().locator(".search-results")).containsText(TITLE);

        open(initiativePath);
        assertThat(page.locator("h1")).hasText(TITLE);
        assertThat(main()).not().containsText("En attente de relecture");
        assertAccessible(page);
        screenshot(page, "library-initiative");
    }

    @Test
    void aVisitorReadsAResourceAndDownloadsItsFile() throws Exception {
        open("/ressources");
        assertThat(page.locator("h1")).hasText("Ressources");
        assertThat(page.locator("link[rel=alternate][type='application/atom+xml']")).hasAttribute("href", "/ressources.atom");
        assertAccessible(page);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Charte et cadre éthique de la participation")).click();
        assertThat(page.locator("h1")).hasText("Charte et cadre éthique de la participation");
        assertAccessible(page);
        screenshot(page, "library-resource");

        Download download = page.waitForDownload(() -> main().getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("Télécharger charte-participation\\.pdf"))).click());
        assertThat(download.suggestedFilename()).isEqualTo("charte-participation.pdf");
        Path file = download.path();
        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        open("/reseau");
        assertThat(page.locator("h1")).hasText("Le réseau régional");
        assertThat(main()).containsText("Fablab de Bourges");
        assertAccessible(page);
    }
}
