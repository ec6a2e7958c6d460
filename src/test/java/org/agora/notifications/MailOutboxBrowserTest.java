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

    @Autowired
    org.agora.accounts.AccountManagement accounts;

    @Test
    void anAdministratorSeesTheFilesOfAFeatureMailAndItsFormattedVersionWithTheInlineImage() {
        events.publishEvent(FeatureMailsTest.registration(null, "lea@agora.test", FeatureMailsTest.qrAndInvitation()));
        assertThat(latestMailAttachment("lea@agora.test", "atelier.ics").contentType()).startsWith("text/calendar");
        long id = outbox.latestTo("lea@agora.test").orElseThrow().id();

        signInAsAdministrator();
        open("/admin/mails/" + id);
        assertThat(page.locator("table caption")).hasText("2 fichier(s) joint(s) au courriel");
        assertThat(page.locator("a[href='/admin/mails/" + id + "/html']")).isVisible();
        assertAccessible(page);
        screenshot(page, "admin-mail-with-files");

        var preview = page.request().get(url("/admin/mails/" + id + "/html"));
        assertThat(preview.headers().get("content-security-policy")).isEqualTo(MailAdminController.PREVIEW_POLICY);
        assertThat(preview.text()).contains("src=\"/admin/mails/" + id + "/attachments/0\"");
        var invitation = page.request().get(url("/admin/mails/" + id + "/attachments/1"));
        assertThat(invitation.status()).isEqualTo(200);
        assertThat(invitation.headers().get("content-disposition")).contains("filename=\"atelier.ics\"");
        assertThat(invitation.headers().get("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void onlyAdministratorsDownloadTheFilesOfAMail() {
        events.publishEvent(FeatureMailsTest.registration(null, "noa@agora.test", FeatureMailsTest.qrAndInvitation()));
        long id = outbox.latestTo("noa@agora.test").orElseThrow().id();
        accounts.ensureAccount("curieux@agora.test", "Curieux", ADMIN_PASSWORD, "fr", java.util.List.of());

        signIn("curieux@agora.test", ADMIN_PASSWORD);

        assertThat(page.request().get(url("/admin/mails/" + id + "/attachments/0")).status()).isEqualTo(403);
        assertThat(page.request().get(url("/admin/mails/" + id + "/html")).status()).isEqualTo(403);
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
