package org.agora.panels;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.BrowserTest;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.territories.TerritoryFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey in a real browser: staff create a panel, open recruitment, import a pool, run the selection,
 * publish the lottery, type the seed and draw; anyone then checks the index on the verification page. Every page is
 * scanned by axe-core. Same context as the outbox's browser test.
 */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=administration@agora.test",
        "agora.admin.password=Boite-Envoi-Navigateur-2026"})
class PanelsBrowserTest extends BrowserTest {

    static final String PASSWORD = "Panels-Navigateur-2026";

    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired Panels panels;

    @Test
    void staffDrawAPanelInPublicAndAnyoneChecksTheDraw() {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;PNBR;Région du tirage;;
                DEPARTEMENT;PNBD;Département du tirage;PNBR;
                """);
        accounts.ensureAccount("agent.panels@agora.test", "Agent des panels", PASSWORD, "fr",
                List.of(new RoleGrant(Role.STAFF, RoleScope.GLOBAL)));
        signIn("agent.panels@agora.test", PASSWORD);
        Locator main = page.getByRole(AriaRole.MAIN);

        open("/admin");
        page.locator("a[href='/admin/panels']").click();
        assertThat(page.locator("h1")).hasText("Panels citoyens");
        assertAccessible(page);

        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Créer un panel")).click();
        assertThat(page.locator("h1")).hasText("Créer un panel");
        assertAccessible(page);
        // A first try without a size: the error is shown next to the field and summarised.
        page.getByLabel("Nom du panel").fill("Panel du navigateur");
        page.getByLabel("Objet").fill("Tester le tirage de bout en bout.");
        page.getByLabel("Territoire").selectOption(new SelectOption().setLabel("Département du tirage"));
        page.getByLabel("Taille du panel").fill("");
        page.getByLabel("Quotas (fichier CSV collé)").fill(PanelTestBed.fixture("quotas.csv"));
        page.getByLabel("Règle du foyer : colonnes de l’adresse").fill("address,postcode");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Créer un panel")).click();
        assertThat(page.locator(".error-summary a")).hasText("Indiquez une taille entre 1 et 500.");
        assertThat(page.getByLabel("Taille du panel")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        page.getByLabel("Taille du panel").fill("4");
        page.getByLabel("Quotas (fichier CSV collé)").fill(PanelTestBed.fixture("quotas.csv"));
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Créer un panel")).click();
        assertThat(page.locator("h1")).hasText("Panel du navigateur");
        assertAccessible(page);

        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ouvrir le recrutement et publier le panel")).click();
        assertThat(page.locator("[role=status]")).containsText("Le recrutement est ouvert");
        String adminPath = page.url().substring(page.url().indexOf("/admin/panels/"));
        long id = Long.parseLong(adminPath.substring("/admin/panels/".length()));
        Panel panel = panels.find(id).orElseThrow();

        // The public volunteer form, with its errors, is accessible too.
        open("/panels/" + panel.slug());
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Je me porte volontaire")).click();
        assertThat(page.locator("h1")).containsText("Se porter volontaire");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer ma candidature")).click();
        assertThat(page.locator(".error-summary")).containsText("Cochez la case");
        assertAccessible(page);

        open(adminPath);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Volontaires").setExact(true)).click();
        assertAccessible(page);
        page.getByLabel("Fichier CSV des volontaires").setInputFiles(Path.of("src/test/resources/panels/web/pool.csv"));
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vérifier le fichier")).click();
        assertThat(main).containsText("12 volontaires prêts à être importés");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Importer les 12 volontaires")).click();
        assertThat(main).containsText("Les volontaires (12)");
        assertAccessible(page);

        open(adminPath + "/selection");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lancer LEXIMIN")).click();
        // The page asks for the status while the run goes on and reloads itself when it is over.
        assertThat(page.locator("#leximin-min")).hasText(Pattern.compile("%"), new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lancer LEGACY (comparaison)")).click();
        assertThat(page.locator("#legacy-min")).hasText(Pattern.compile("%"), new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(main).containsText("Probabilité moyenne de sélection par valeur");
        assertAccessible(page);
        screenshot(page, "panels-selection");

        open(adminPath + "/draw");
        assertAccessible(page);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier la loterie")).click();
        assertThat(page.locator("[role=status]")).containsText("La loterie est publiée");
        String sha = page.locator("#published-sha").textContent().strip();
        assertThat(sha).matches("[0-9a-f]{64}");
        assertAccessible(page);

        String seed = "Tirage du navigateur 2026";
        page.getByLabel("Graine publique").fill(seed);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tirer le panel")).click();
        int index = Lottery.drawIndex(sha, seed, 1000);
        assertThat(page.locator("#draw-result")).containsText("panel numéro " + index);
        assertAccessible(page);

        open("/panels/" + panel.slug());
        assertThat(main).containsText(sha);
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Vérifier le tirage")).click();
        assertThat(page.locator("h1")).containsText("Vérifier le tirage");
        assertThat(page.locator("#drawn-index")).hasText(String.valueOf(index));
        assertAccessible(page);
        page.getByLabel("Graine", new Page.GetByLabelOptions().setExact(true)).fill(seed);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calculer le numéro")).click();
        assertThat(page.locator("#computed-index")).hasText("La graine « " + seed + " » donne le panel numéro " + index + ".");
        assertAccessible(page);
        screenshot(page, "panels-verification");
    }
}
