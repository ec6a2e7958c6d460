package org.agora.opendata;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The API's documentation page, reached from the footer: every operation with its parameters and a curl example. */
class ApiBrowserTest extends BrowserTest {

    @Test
    void aVisitorReadsTheApiDocumentationFromTheFooter() {
        open("/");
        page.getByRole(AriaRole.CONTENTINFO).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API")).click();
        assertThat(page.locator("h1")).hasText("L’API d’Agora");
        assertThat(page.locator("#listProposals")).containsText("GET /api/v1/proposals");
        assertThat(page.locator("article", new com.microsoft.playwright.Page.LocatorOptions().setHas(page.locator("#listProposals"))))
                .containsText("curl -H 'Accept: application/json'");
        assertThat(page.locator("#schema-Proposal")).isVisible();
        assertThat(page.locator("#problem-too-many-requests")).isVisible();
        assertAccessible(page);
        screenshot(page, "api-documentation");
    }
}
