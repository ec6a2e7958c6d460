package org.agora.programmes;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.accounts.AccountManagement;
import org.agora.territories.TerritoryFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Staff record a centre with its facilitator and agreement; the facilitator files the yearly report; staff see it
 * consolidated; the public finds the centre in the list and on the map; staff run a training session. Every page is
 * checked with axe-core. Same properties (so the same context) as the organisations' browser test.
 */
@TestPropertySource(properties = {
        "agora.demo-data=false",
        "agora.admin.email=administration@agora.test",
        "agora.admin.password=Boite-Envoi-Navigateur-2026"})
class CyberCentresBrowserTest extends BrowserTest {

    static final String FACILITATOR = "animatrice.cyber@agora.test";
    static final String FACILITATOR_PASSWORD = "Clavier-Souris-Ecran-2026";

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountManagement accounts;

    @Test
    void aFacilitatorFilesTheYearlyReportThatStaffSeeConsolidatedAndThePublicFindsTheCentre() {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;CYBBR;Région numérique;;
                DEPARTEMENT;CYBBD;Département numérique;CYBBR;
                COMMUNE;CYBBC;Modemville;CYBBD;99401
                """);
        accounts.ensureAccount(FACILITATOR, "Awa Animatrice", FACILITATOR_PASSWORD, "fr", List.of());
        int lastYear = LocalDate.now().getYear() - 1;
        Locator main = page.getByRole(AriaRole.MAIN);

        // Staff record the centre, fixing a mistake, then its facilitator and its agreement.
        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");
        open("/admin");
        page.locator("a[href='/admin/cyber-centres']").click();
        assertThat(page.locator("h1")).hasText("Réseau des cyber-centres");
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ajouter un centre")).click();
        page.getByLabel("Nom du centre").fill("Espace numérique du Modem");
        page.getByLabel("Adresse", new Page.GetByLabelOptions().setExact(true)).fill("4 rue des Octets");
        page.getByLabel("Commune").fill("99499");
        page.getByLabel("Nom du contact").fill("Awa Diop");
        page.getByLabel("Adresse électronique du contact").fill("modem@example.org");
        page.getByLabel("Téléphone du contact").fill("02 38 99 40 10");
        page.getByLabel("Lundi").fill("9 h – 12 h, 14 h – 18 h");
        page.getByLabel("Samedi").fill("9 h – 12 h");
        page.getByLabel("Latitude").fill("47,5");
        page.getByLabel("Longitude").fill("1,7");
        main.locator("form.stacked button[type=submit]").first().click();
        assertThat(page.locator(".error-summary")).containsText("Aucune commune ne porte ce nom ou ce code postal.");
        assertThat(page.locator("#commune")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        page.getByLabel("Commune").fill("99401");
        main.locator("form.stacked button[type=submit]").first().click();
        assertThat(page.locator(".notice-success")).containsText("Le centre est ajouté au réseau.");
        assertThat(page.locator("h1")).hasText("Espace numérique du Modem");
        page.getByLabel("Adresse électronique du compte de l’animateur").fill(FACILITATOR);
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter l’animateur")).click();
        assertThat(page.locator(".notice-success")).containsText("L’animateur est ajouté au centre.");
        page.getByLabel("Première année").fill(Integer.toString(lastYear));
        page.getByLabel("Subvention annuelle en euros").fill("-2000");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer la convention")).click();
        assertThat(page.locator("#yearlyGrant-error")).containsText("Donnez un montant positif en euros");
        assertAccessible(page);
        page.getByLabel("Subvention annuelle en euros").fill("");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer la convention")).click();
        assertThat(page.locator(".notice-success")).containsText("La convention est enregistrée");
        assertThat(main).containsText("Convention " + lastYear + "–" + (lastYear + 2) + " : 2 000,00");
        assertAccessible(page);
        screenshot(page, "cyber-centre-admin-record");
        page.context().clearCookies();

        // The facilitator files the report: a mistake, a draft, then the submission.
        signIn(FACILITATOR, FACILITATOR_PASSWORD);
        open("/account/cyber-centres");
        assertThat(page.locator("h1")).hasText("Mes cyber-centres");
        assertAccessible(page);
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rapport d’activité " + lastYear)).click();
        assertThat(page.locator("h1")).containsText("Rapport d’activité " + lastYear + " — Espace numérique du Modem");
        assertAccessible(page);
        page.getByLabel("Nombre de personnes accompagnées dans l’année").fill("-12");
        page.getByLabel("Nombre de séances (ateliers et rendez-vous)").fill("48");
        page.getByLabel("Démarches administratives en ligne").check();
        page.getByLabel("Recherche d’emploi").check();
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer le brouillon")).click();
        assertThat(page.locator(".error-summary")).containsText("Donnez un nombre entier de personnes");
        assertThat(page.getByLabel("Recherche d’emploi")).isChecked();
        assertAccessible(page);
        page.getByLabel("Nombre de personnes accompagnées dans l’année").fill("137");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer le brouillon")).click();
        assertThat(page.locator(".notice-success")).containsText("Le brouillon est enregistré.");
        assertThat(page.getByLabel("Nombre de personnes accompagnées dans l’année")).hasValue("137");
        page.getByLabel("Autre thème (facultatif)").fill("Aide aux déclarations d’impôts");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remettre le rapport")).click();
        assertThat(page.locator(".notice-success")).containsText("Le rapport est remis. Merci !");
        assertThat(main).containsText("Il n’est plus modifiable.");
        assertAccessible(page);
        screenshot(page, "cyber-centre-report-submitted");
        page.context().clearCookies();

        // Staff see it in the year's consolidation, per département.
        signIn("administration@agora.test", "Boite-Envoi-Navigateur-2026");
        open("/admin/cyber-centres/rapports?year=" + lastYear);
        assertThat(page.locator("h1")).hasText("Rapports d’activité " + lastYear);
        Locator row = main.locator("tr", new Locator.LocatorOptions().setHasText("Espace numérique du Modem"));
        assertThat(row).containsText("Remis");
        assertThat(row).containsText("137");
        assertThat(row).containsText("Aide aux déclarations d’impôts");
        assertThat(main.locator("tr:has(th[scope=row]:text-is('Département numérique'))")).containsText("137");
        assertAccessible(page);
        screenshot(page, "cyber-centre-consolidation");

        // Staff run the training path: a module, a session, the facilitator present.
        open("/admin/cyber-centres/formation");
        assertAccessible(page);
        page.getByLabel("Titre").fill("Accompagner sans faire à la place");
        page.getByLabel("Ordre").fill("1");
        page.getByLabel("Durée en minutes").fill("180");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter le module")).click();
        assertThat(page.locator(".notice-success")).containsText("Le module est ajouté au parcours.");
        page.getByLabel("Date et heure").fill(lastYear + "-03-12T14:00");
        page.getByLabel("Lieu", new Page.GetByLabelOptions().setExact(true)).fill("Hôtel de Région");
        page.getByLabel("Formateur ou formatrice").fill("Nadia Formatrice");
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Programmer la session")).click();
        assertThat(page.locator(".notice-success")).containsText("La session est programmée.");
        main.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("12/03/" + lastYear + " 14:00")).first().click();
        assertAccessible(page);
        main.locator("fieldset", new Locator.LocatorOptions().setHasText("Awa Animatrice"))
                .getByLabel("Présent").check();
        main.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer les présences")).click();
        assertThat(page.locator(".notice-success")).containsText("Les présences sont enregistrées.");
        open("/admin/cyber-centres/formation");
        assertThat(main.locator("tr", new Locator.LocatorOptions().setHasText("Awa Animatrice")).first()).containsText("Suivi");
        page.context().clearCookies();

        // The public finds the centre in the list, on the map, and on its own page.
        open("/cyber-centres");
        assertThat(page.locator("h1")).hasText("Les cyber-centres");
        assertThat(main.locator("figure.centre-map svg a")).not().hasCount(0);
        assertAccessible(page);
        screenshot(page, "cyber-centres-public");
        main.locator(".cards").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Espace numérique du Modem")).click();
        assertThat(page.locator("h1")).hasText("Espace numérique du Modem");
        assertThat(main).containsText("4 rue des Octets");
        assertThat(main).containsText("Fermé");
        assertThat(main).not().containsText("Awa Animatrice");
        assertAccessible(page);
    }
}
