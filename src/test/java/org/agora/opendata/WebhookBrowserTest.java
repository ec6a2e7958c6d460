package org.agora.opendata;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff register an endpoint, read its secret once, send a ping and open its delivery log. Same context as the outbox's browser tests. */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=administration@agora.test",
        "agora.admin.password=Boite-Envoi-Navigateur-2026"})
class WebhookBrowserTest extends BrowserTest {

    @Test
    void anAdministratorRegistersAnEndpointPingsItAndReadsItsDeliveryLog() {
        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");
        open("/admin/webhooks");
        assertThat(page.locator("h1")).hasText("Webhooks");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enregistrer un point de terminaison")).click();
        assertThat(page.locator("h1")).hasText("Enregistrer un point de terminaison");
        page.getByLabel("Nom").fill("Observatoire navigateur");
        page.getByLabel("Adresse (URL)").fill("http://observatoire.example.org/agora");
        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.locator("main form button[type=submit]").click());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator(".error-summary a")).hasText(new String[] {
                "L’adresse doit commencer par https:// : les notifications ne sont envoyées que chiffrées.",
                "Cochez au moins un événement."});
        assertThat(page.getByLabel("Adresse (URL)")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Adresse (URL)").fill("https://198.51.100.7/agora-navigateur");
        page.getByLabel("Panel tiré au sort").check();
        page.getByLabel("Rencontre publiée").check();
        page.locator("main form button[type=submit]").click();

        assertThat(page.locator("h1")).hasText("Webhook : Observatoire navigateur");
        assertThat(page.locator("[role=status]")).containsText("Le point de terminaison est enregistré.");
        assertThat(page.locator("#webhook-secret")).hasText(java.util.regex.Pattern.compile("whsec_[0-9a-f]{64}"));
        assertAccessible(page);
        screenshot(page, "admin-webhook-created");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer un ping de test")).click();
        assertThat(page.locator("[role=status]")).containsText("Le ping est en file d’envoi");
        // The secret is shown only once.
        assertThat(page.locator("#webhook-secret")).hasCount(0);
        // The delivery log is the first table; the action log below it also mentions the ping.
        Locator row = page.locator("main table").first().locator("tbody tr", new Locator.LocatorOptions().setHasText("ping"));
        assertThat(row).hasCount(1);
        assertAccessible(page);

        row.locator("a").first().click();
        assertThat(page.locator("h1")).containsText("Livraison n°");
        assertThat(page.locator("main pre").first()).containsText("\"event\":\"ping\"");
        assertAccessible(page);
        screenshot(page, "admin-webhook-delivery");
        assertThat(page.url()).contains("/deliveries/");
    }
}
