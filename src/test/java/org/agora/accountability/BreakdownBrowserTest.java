package org.agora.accountability;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A visitor opens « Ce que sont devenues vos propositions » from the demo process and follows a destination. */
class BreakdownBrowserTest extends BrowserTest {

    static final String PROCESS = "/processes/democratie-permanente-centre-val-de-loire";

    @Test
    void aVisitorOpensTheBreakdownFromTheProcessAndFollowsADestinationToItsAnswers() {
        open(PROCESS);
        Locator main = page.getByRole(AriaRole.MAIN);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ce que sont devenues vos propositions")).click();
        assertThat(page.locator("h1")).containsText("Ce que sont devenues vos propositions");
        assertThat(main.locator("table")).hasCount(3);
        assertAccessible(page);
        screenshot(page, "breakdown");

        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("propositions : Chantier$")))
                .click();
        assertThat(page.locator("h1")).containsText("Chantier");
        assertThat(main.locator("li.card").first()).isVisible();
        assertAccessible(page);

        main.locator("li.card h2 a").first().click();
        assertThat(main).containsText("Chantier");
        open("/language/en?back=" + PROCESS + "/suites");
        assertThat(page.locator("h1")).containsText("What became of your proposals");
        assertAccessible(page);
    }
}
