package org.agora.notifications;

import java.net.URI;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A demo participant reads the notices the demo's comments gave them, follows a proposal, and unsubscribes. */
class NotificationsBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DailyDigest digest;

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void aParticipantReadsTheirNoticesAndChangesTheirSettings() {
        String email = citizenWithNotices(0);
        signIn(email, PASSWORD);

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName(java.util.regex.Pattern.compile("^Notifications \\(\\d+ non lues?\\)$"))).click();
        assertThat(page.locator("h1")).hasText("Mes notifications");
        assertThat(main().locator("li.unread").first()).isVisible();
        assertAccessible(page);
        screenshot(page, "notifications-list");

        main().locator("li.unread button.link-button").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/proposals/[^#]+#(comment-\\d+|answer-title)$"));
        assertThat(main().locator(".follow button")).isVisible();
        assertAccessible(page);

        open("/account/notifications");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tout marquer comme lu")).click();
        assertThat(page.locator("[role=status]")).containsText("Toutes vos notifications sont marquées comme lues.");
        assertThat(main().locator("li.unread")).hasCount(0);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Réglages des notifications")).click();
        assertThat(page.locator("h1")).hasText("Réglages des notifications");
        assertThat(page.getByLabel("Un résumé quotidien")).isChecked();
        assertAccessible(page);
        page.getByLabel("Un courriel à chaque notification").check();
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("[role=status]")).containsText("Vos réglages de notification sont enregistrés.");
        assertThat(page.getByLabel("Un courriel à chaque notification")).isChecked();
    }

    @Test
    void aParticipantFollowsAProposalInPlaceAndUnsubscribesFromTheDigest() {
        String email = citizenWithNotices(1);
        signIn(email, PASSWORD);
        String path = jdbc.queryForObject("""
                SELECT '/processes/' || pr.slug || '/proposals/' || p.reference FROM proposal p
                JOIN participatory_process pr ON pr.id = p.process_id
                WHERE p.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM resource_follow f JOIN account a ON a.id = f.account_id
                  WHERE a.email = ? AND f.resource_type = 'proposal' AND f.resource_id = p.id)
                ORDER BY p.id FETCH FIRST 1 ROWS ONLY""", String.class, email);
        open(path);
        Locator button = main().locator(".follow button");
        assertThat(button).hasText("Suivre");
        button.click();
        assertThat(main().locator(".follow button")).hasText("Ne plus suivre");
        assertAccessible(page);

        digest.send();
        List<String> links = outbox.latestTo(email).orElseThrow().links();
        String unsubscribe = links.stream().filter(link -> link.contains("/notifications/unsubscribe")).findFirst().orElseThrow();
        URI mailed = URI.create(unsubscribe);
        open(mailed.getRawPath() + "?" + mailed.getRawQuery());
        assertThat(page.locator("h1")).hasText("Ne plus recevoir les courriels de notification");
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Me désabonner")).click();
        assertThat(main()).containsText("vous ne recevrez plus de courriel de notification");
        assertThat(jdbc.queryForObject("SELECT notification_frequency FROM account WHERE email = ?", String.class, email))
                .isEqualTo("NEVER");
    }

    /** The demo citizens whom the demo's comments gave unread notices, most first. */
    private String citizenWithNotices(int rank) {
        return jdbc.queryForList("""
                SELECT a.email FROM account a JOIN notice n ON n.recipient_id = a.id
                WHERE a.email LIKE 'citoyen%' AND n.read_at IS NULL
                GROUP BY a.email ORDER BY COUNT(*) DESC, a.email""", String.class).get(rank);
    }
}
