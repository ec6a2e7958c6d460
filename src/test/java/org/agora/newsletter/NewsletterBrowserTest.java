package org.agora.newsletter;

import java.net.URI;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.notifications.OutboxMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone subscribes and confirms from the mailed link; staff compose, preview, test and send an edition; the mail
 * is in the outbox with its unsubscribe link, which unsubscribes; the edition is in the public archive. Same context
 * as the outbox's browser tests.
 */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=administration@agora.test",
        "agora.admin.password=Boite-Envoi-Navigateur-2026"})
class NewsletterBrowserTest extends BrowserTest {

    static final String READER = "lectrice.navigateur@lettre.example";

    @Autowired
    EditionSending sending;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void aReaderSubscribesConfirmsReceivesAnEditionAndUnsubscribes() {
        Locator main = page.getByRole(AriaRole.MAIN);
        open("/newsletter");
        assertThat(page.locator("h1")).hasText("S’abonner à la lettre d’information");
        assertAccessible(page);
        main.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator(".error-summary")).containsText("Indiquez votre adresse électronique.");
        assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Adresse électronique").fill(READER);
        page.locator("#consent").check();
        main.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Vérifiez votre messagerie");
        assertAccessible(page);

        page.navigate(latestMailLink(READER));
        assertThat(page.locator("h1")).hasText("Abonnement confirmé");
        assertAccessible(page);
        screenshot(page, "newsletter-confirmed");

        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");
        open("/admin");
        page.locator("a[href='/admin/newsletter']").click();
        assertThat(page.locator("h1")).hasText("Lettre d’information");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nouvelle lettre")).click();
        assertThat(page.locator("h1")).hasText("Lettre d’information");
        assertAccessible(page);

        main.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator("#subject-error")).hasText("Indiquez l’objet de la lettre.");
        assertAccessible(page);
        page.getByLabel("Objet").fill("La lettre du navigateur");
        page.locator("#editorial").fill("Bonjour,\n\nCe mois-ci, **trois rencontres** et une [page utile](https://example.org).");
        main.locator("form.stacked button[type=submit]").click();
        assertThat(page.locator(".notice-success")).containsText("La lettre est enregistrée.");
        assertAccessible(page);
        screenshot(page, "newsletter-compose");

        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Aperçu HTML")).click();
        assertThat(main.locator("strong")).hasText("trois rencontres");
        assertAccessible(page);
        page.goBack();

        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("M’envoyer un essai")).click();
        assertThat(page.locator(".notice-success")).containsText("Un essai est parti vers votre adresse.");
        assertThat(outbox.latestTo("administration@agora.test").orElseThrow().subject())
                .isEqualTo("[Essai] La lettre du navigateur");

        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer aux abonnés")).click();
        assertThat(page.locator(".notice-success")).containsText("L’envoi a commencé");
        assertThat(main).containsText("Destinataires :");
        assertAccessible(page);
        long editionId = Long.parseLong(page.url().replaceAll(".*/admin/newsletter/([0-9]+).*", "$1"));

        sending.sendBatch(10_000);
        page.reload();
        assertThat(main).containsText("Envoyée");
        screenshot(page, "newsletter-progress");

        OutboxMail edition = outbox.latestTo(READER).orElseThrow();
        assertThat(edition.subject()).isEqualTo("La lettre du navigateur");
        assertThat(edition.topic()).isEqualTo("newsletter-edition");
        assertThat(edition.html()).contains("<strong>trois rencontres</strong>");
        String unsubscribe = edition.links().stream().filter(link -> link.contains("/newsletter/unsubscribe/"))
                .findFirst().orElseThrow();

        page.navigate(url(URI.create(unsubscribe).getRawPath()));
        assertThat(page.locator("h1")).hasText("Se désabonner de la lettre d’information");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Me désabonner")).click();
        assertThat(page.locator("[role=status]")).containsText("vous ne recevrez plus la lettre");
        assertAccessible(page);
        assertThat(subscriptions.byEmail(READER).orElseThrow().status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);

        open("/newsletter/archives");
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("La lettre du navigateur")).click();
        assertThat(page.locator("h1")).hasText("La lettre du navigateur");
        assertThat(main).not().containsText(READER);
        assertAccessible(page);
        screenshot(page, "newsletter-archive-edition");

        open("/sitemap.xml");
        assertThat(page.content()).contains("/newsletter/archives/" + editionId, "/newsletter/archives<");
    }

    @Test
    void staffSeeTheAudiencePage() {
        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");
        open("/admin");
        page.locator("a[href='/admin/audience']").click();
        assertThat(page.locator("h1")).hasText("Audience du site");
        assertAccessible(page);
        screenshot(page, "audience");
    }
}
