package org.agora;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The public pages every visitor sees, in both languages, each checked for accessibility. */
class SiteBrowserTest extends BrowserTest {

    @Test
    void homePageIsFrenchAndAccessible() {
        Page home = open("/");

        assertThat(home.locator("html")).hasAttribute("lang", "fr");
        assertThat(home.locator("h1")).hasCount(1);
        assertThat(home.locator("main#main")).isVisible();
        assertAccessible(home);
        screenshot(home, "home-fr");
    }

    @Test
    void processListIsAccessible() {
        Page processes = open("/processes");

        assertThat(processes.locator("h1")).hasCount(1);
        assertAccessible(processes);
    }

    @Test
    void legalPagesAreAccessible() {
        for (String legal : new String[] {"notice", "privacy", "accessibility", "terms"}) {
            Page page = open("/legal/" + legal);
            assertThat(page.locator("h1")).hasCount(1);
            assertAccessible(page);
        }
    }

    @Test
    void unknownPageAnswersARealNotFoundPage() {
        Response response = page.navigate(url("/no-such-page-here"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasCount(1);
        assertAccessible(page);
        screenshot(page, "not-found");
    }

    @Test
    void languageSwitchTurnsTheSiteEnglishAndStaysOnThePage() {
        open("/legal/terms");

        page.locator(".lang-switch a[hreflang=en]").click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.url()).endsWith("/legal/terms");
        assertAccessible(page);
        open("/");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        screenshot(page, "home-en");
    }
}
