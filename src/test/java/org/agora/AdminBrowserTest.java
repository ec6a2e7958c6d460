package org.agora;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The administration area in a real browser: each page used as an administrator would, each scanned by axe-core. */
class AdminBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "agora-demo-2026";

    @Test
    void theAdministratorFindsEverySectionOnTheAdministrationHome() {
        signIn("admin@example.org", DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Administration");
        assertThat(main().getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                .hasText(new String[] {"Démarches", "Charte, stratégie et suites données", "Rencontres", "Structures rencontrées", "Panels citoyens", "Appels et subventions", "Réseau des cyber-centres", "Bibliothèque et réseau", "Lettre d’information", "Audience", "Données ouvertes", "Webhooks", "Modération", "Territoires", "Rôles", "Courriels", "Journal des actions", "Index de recherche"});
        assertAccessible(page);
        screenshot(page, "admin-home");

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Courriels")).click();
        assertThat(page.locator("h1")).hasText("Courriels de la plateforme");
        assertAccessible(page);
        page.getByLabel("Destinataire").fill("personne-inconnue@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page).hasURL(url("/admin/mails?recipient=personne-inconnue%40example.org"));
        assertThat(main()).containsText("Aucun courriel ne correspond.");
        assertAccessible(page);
    }

    @Test
    void theAdministratorGrantsStaffOnALivingAreaThenWithdrawsIt() {
        signIn("admin@example.org", DEMO_PASSWORD);
        open("/admin/roles");
        assertThat(page.locator("h1")).hasText("Rôles et périmètres");
        assertAccessible(page);

        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"), this::grant);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator(".error-summary a")).hasText(new String[] {
                "Indiquez une adresse électronique.", "Choisissez un rôle."});
        assertThat(page.getByLabel("Adresse électronique du compte")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Adresse électronique du compte").fill("participant@example.org");
        page.getByLabel("Rôle", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Agent"));
        page.getByLabel("Périmètre").selectOption(new SelectOption().setLabel("Bassin de vie — Orléans"));
        grant();

        assertThat(page.locator("[role=status]")).containsText("Le rôle a été attribué.");
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("participant@example.org"));
        assertThat(row).hasCount(1);
        assertThat(row.locator("td")).hasText(new String[] {"Camille Participante", "participant@example.org", "Agent", "Orléans", "Retirer"});
        assertAccessible(page);
        screenshot(page, "admin-roles-granted");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer le rôle Agent de Camille Participante")).click();
        assertThat(page.locator("[role=status]")).containsText("Le rôle a été retiré.");
        assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("participant@example.org"))).hasCount(0);
        assertAccessible(page);

        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Journal des actions sur les comptes")).click();
        assertThat(page.locator("h1")).hasText("Journal des actions sur les comptes");
        Locator camille = page.locator("tbody tr", new Page.LocatorOptions().setHasText("Camille Participante"));
        assertThat(camille.nth(0)).containsText("Rôle retiré");
        assertThat(camille.nth(1)).containsText("Rôle attribué");
        assertAccessible(page);
    }

    @Test
    void theAdministratorSearchesTerritoriesAndABadFileIsRefusedLineByLine() {
        signIn("admin@example.org", DEMO_PASSWORD);
        open("/admin/territories");
        assertThat(page.locator("h1")).hasText("Territoires");
        assertAccessible(page);

        page.getByLabel("Nom ou code").fill("Orléans");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(url("/admin/territories?q=Orl%C3%A9ans"));
        Locator commune = page.locator("tbody tr", new Page.LocatorOptions().setHasText("45234"));
        assertThat(commune.locator("th")).hasText("Orléans");
        assertThat(commune).containsText("45000, 45100");
        assertAccessible(page);

        String csv = """
                kind;code;name;parent_code;postal_codes
                VILLAGE;99999;Nulle-Part;45;
                COMMUNE;45999;;452;45000
                COMMUNE;45998;Sans-Parent;999;4500
                """;
        page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("territoires.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        Response refused = page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click());

        assertThat(refused.status()).isEqualTo(400);
        Locator problems = page.locator("#import-errors");
        assertThat(problems).isVisible();
        assertThat(problems.locator("h2")).containsText("Le fichier n’a pas été importé");
        assertThat(problems.locator("li").first()).hasText(
                "Ligne 2 : Le niveau « VILLAGE » est inconnu : utilisez REGION, DEPARTEMENT, LIVING_AREA ou COMMUNE.");
        assertThat(problems).containsText("Ligne 3 : Le nom manque.");
        assertThat(problems).containsText("Ligne 4 : Le code postal « 4500 » n’est pas valide");
        assertThat(page.getByLabel("Fichier CSV")).hasAttribute("aria-describedby", "file-hint file-error import-errors");
        assertAccessible(page);
        screenshot(page, "admin-territories-import-errors");

        page.getByLabel("Nom ou code").fill("Nulle-Part");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(main()).containsText("Aucun territoire ne correspond à cette recherche.");
    }

    @Test
    void aModeratorOpensTheAdministrationHomeButIsRefusedTheRoles() {
        signIn("moderateur@example.org", DEMO_PASSWORD);

        Response home = page.navigate(url("/admin"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText("Administration");
        assertAccessible(page);

        Response roles = page.navigate(url("/admin/roles"));
        assertThat(roles.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Accès refusé");
        assertAccessible(page);
        screenshot(page, "forbidden");
    }

    @Test
    void theEnglishProcessListIsAccessible() {
        open("/language/en?back=/processes");

        assertThat(page).hasURL(url("/processes"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Processes");
        assertAccessible(page);
        screenshot(page, "processes-en");
    }

    private Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    private void grant() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Attribuer le rôle")).click();
    }
}
