package org.agora.notifications;

import org.agora.BrowserTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a laptop without SMTP, an administrator reads the outbox and follows a mail's link. Needs the whole application
 * (accounts' sign-in and security rules), so it runs once the branches are merged.
 */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=" + MailOutboxBrowserTest.ADMIN,
        "agora.admin.password=" + MailOutboxBrowserTest.ADMIN_PASSWORD})
class MailOutboxBrowserTest extends BrowserTest {

    static final String ADMIN = "administration@agora.test";
    static final String ADMIN_PASSWORD = "Boite-Envoi-Navigateur-2026";

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anAdministratorReadsAMailWithoutSmtpAndFollowsItsLink() {
        String link = url("/password/reset?token=outbox-browser-test");
        events.publishEvent(new AccountMail.PasswordResetRequested(new AccountId(424242), "camille@agora.test",
                "Camille", "fr", link));
        assertThat(latestMailLink("camille@agora.test")).isEqualTo(link);

        signInAsAdministrator();
        open("/admin/mails?recipient=camille");
        assertThat(page.locator("h1")).hasText("Courriels de la plateforme");
        assertThat(page.locator("table caption")).isVisible();
        assertAccessible(page);
        screenshot(page, "admin-mails");

        page.locator("tbody a", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Réinitialisation de votre mot de passe")).first().click();
        assertThat(page.locator("h1")).hasText("Réinitialisation de votre mot de passe");
        assertThat(page.locator("pre.mail")).containsText("Bonjour Camille,");
        assertThat(page.locator("pre.mail")).containsText(link);
        assertAccessible(page);
        screenshot(page, "admin-mail");

        page.locator("a[href='" + link + "']").click();
        assertThat(page.url()).isEqualTo(link);
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        open("/admin/mails");

        assertThat(page.url()).contains("/login");
    }

    @Test
    void anUnknownMailIsANotFoundPage() {
        signInAsAdministrator();

        assertThat(page.navigate(url("/admin/mails/999999999")).status()).isEqualTo(404);
        assertAccessible(page);
    }

    private void signInAsAdministrator() {
        open("/login");
        page.fill("#email", ADMIN);
        page.fill("#password", ADMIN_PASSWORD);
        page.locator("main form[action$='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
