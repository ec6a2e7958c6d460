package org.agora.programmes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.notifications.OutboxMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole course of a call for projects in the browser: apply, completion asked, completed, two reviewers score,
 * decision, grant computed, letter mailed; then the accompaniment of a retained applicant logged. Every page checked
 * with axe-core.
 */
@TestPropertySource(properties = "agora.demo-data=false")
@org.springframework.context.annotation.Import(ProgrammesTestSetup.class)
class ProgrammesBrowserTest extends BrowserTest {

    static final String PASSWORD = "un mot de passe de test assez long";

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountManagement accounts;

    private AgoraUser account(String email, RoleGrant... grants) {
        AccountId id = accounts.ensureAccount(email, email.substring(0, email.indexOf('@')), PASSWORD, "fr", List.of(grants));
        return accounts.find(id).orElseThrow();
    }

    private Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    private void button(String name) {
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private void signInAs(String email) {
        page.context().clearCookies();
        signIn(email, PASSWORD);
    }

    @Test
    void anApplicationGoesFromDraftToRetainedWithItsGrantLetterAndAccompaniment() throws Exception {
        ProgrammeTestBed bed = new ProgrammeTestBed(context);
        AgoraUser staff = account("agent.programmes@example.org", new RoleGrant(Role.STAFF, RoleScope.GLOBAL));
        AgoraUser member = account("mairie.programmes@example.org");
        AgoraUser firstExpert = account("experte.programmes@example.org");
        AgoraUser secondReviewer = account("jury.programmes@example.org", new RoleGrant(Role.STAFF, RoleScope.GLOBAL));
        long organisation = bed.organisation("Commune du parcours", member);
        String organisationName = bed.applicants.find(organisation).orElseThrow().name();
        long call = bed.openCall(CallKind.PROJECTS);
        bed.calls.addField(staff, call, "LONG_TEXT", "Description du projet", "Ce que vous ferez.", true, "");
        String callTitle = bed.calls.require(call).title();

        // The member applies.
        signInAs(member.email());
        open("/programmes");
        assertThat(page.locator("h1")).hasText("Programmes d’accompagnement des territoires");
        assertAccessible(page);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(callTitle)).click();
        assertThat(page.locator("h1")).hasText(callTitle);
        assertAccessible(page);
        button("Candidater au nom de " + organisationName);
        assertThat(main()).containsText("Brouillon");
        assertAccessible(page);
        page.getByLabel("Titre de la candidature").fill("Budget participatif des écoles");
        page.getByLabel("Coût éligible du projet (euros)").fill("-12");
        button("Enregistrer le brouillon");
        assertThat(page.locator(".error-summary")).containsText("Indiquez un montant positif");
        assertThat(page.getByLabel("Coût éligible du projet (euros)")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);
        page.getByLabel("Coût éligible du projet (euros)").fill("12 500");
        page.getByLabel("Description du projet (obligatoire)").fill("Les élèves proposent et votent.");
        button("Enregistrer le brouillon");
        assertThat(page.locator("[role=status]").first()).containsText("Le brouillon est enregistré.");
        button("Envoyer ma candidature");
        assertThat(page.locator("[role=status]").first()).containsText("Votre candidature est envoyée.");
        assertThat(main()).containsText("Envoyée");
        long id = Long.parseLong(page.url().replaceAll(".*/candidatures/(\\d+).*", "$1"));

        // Staff ask for completion; the member completes and submits again.
        signInAs(staff.email());
        open("/admin/programmes/candidatures/" + id);
        assertAccessible(page);
        page.getByLabel("Message au candidat (ce qui manque)").fill("Précisez le calendrier, s’il vous plaît.");
        button("Demander des compléments");
        assertThat(main()).containsText("Compléments demandés");
        assertThat(outbox.latestTo(member.email()).map(OutboxMail::text).orElseThrow()).contains("Précisez le calendrier");

        signInAs(member.email());
        open("/programmes/candidatures/" + id);
        assertThat(main()).containsText("Précisez le calendrier");
        assertAccessible(page);
        page.getByLabel("Description du projet (obligatoire)").fill("Les élèves proposent et votent, de janvier à juin.");
        button("Enregistrer le brouillon");
        button("Envoyer ma candidature");
        assertThat(main()).containsText("Envoyée");

        // Two reviewers are assigned; each declares no conflict and scores.
        signInAs(staff.email());
        open("/admin/programmes/candidatures/" + id);
        page.getByLabel("Adresse du compte de l’évaluateur").fill(firstExpert.email());
        button("Affecter l’évaluateur");
        page.getByLabel("Adresse du compte de l’évaluateur").fill(secondReviewer.email());
        page.getByLabel("Membre du jury (agent) ; sinon expert extérieur").check();
        button("Affecter l’évaluateur");
        assertThat(main().locator("table").first()).containsText(secondReviewer.email());
        assertAccessible(page);

        for (AgoraUser reviewer : List.of(firstExpert, secondReviewer)) {
            signInAs(reviewer.email());
            open("/programmes/evaluations/" + id);
            assertAccessible(page);
            button("Je n’ai aucun conflit d’intérêts");
            for (Locator score : main().locator("select[name^=score-]").all()) {
                score.selectOption(reviewer == firstExpert ? "4" : "5");
            }
            button("Enregistrer mes notes");
            assertThat(page.locator("[role=status]").first()).containsText("Vos notes sont enregistrées.");
            assertAccessible(page);
        }

        // Staff see the ranking, decide; the grant is computed and the letter mailed.
        signInAs(staff.email());
        open("/admin/programmes/appels/" + call);
        assertThat(main().locator("table").first()).containsText("4.50");
        assertAccessible(page);
        open("/admin/programmes/candidatures/" + id);
        main().locator("#decision-choice").selectOption("RETAINED");
        page.getByLabel("Motif de la décision").fill("Projet reproductible qui associe les enfants.");
        button("Décider et envoyer la lettre");
        assertThat(page.locator("[role=status]").first()).containsText("La décision est enregistrée et la lettre envoyée.");
        assertThat(main().locator("#subvention")).containsText("7 500");
        assertAccessible(page);
        OutboxMail.File letter = latestMailAttachment(member.email(), "decision-" + id + ".pdf");
        assertThat(new PdfTextExtractor(new PdfReader(letter.content())).getTextFromPage(1))
                .contains("Votre candidature est retenue.");

        // A retained applicant of a call for applications gets accompaniment sessions.
        long support = bed.call(CallKind.APPLICATIONS, bed.clock.instant().minus(Duration.ofDays(2)),
                bed.clock.instant().plus(Duration.ofDays(10)));
        long supported = bed.submitted(support, account("pays.programmes@example.org"), 0);
        bed.decisions.decide(staff, supported, "RETAINED", "Territoire pilote.");
        open("/admin/programmes/candidatures/" + supported);
        page.getByLabel("Nom du prestataire").fill("Cabinet Parcours");
        page.getByLabel("Adresse électronique du prestataire").fill("cabinet@example.org");
        button("Enregistrer le prestataire");
        page.getByLabel("Date de la séance").fill("2026-05-12");
        page.getByLabel("Nombre de demi-journées").fill("12");
        page.getByLabel("Thème").fill("Ateliers de lancement");
        button("Consigner la séance");
        assertThat(main().locator("#accompagnement")).containsText("l’allocation est dépassée de 1");
        assertAccessible(page);

        open("/admin/programmes");
        assertThat(main()).containsText(callTitle);
        assertAccessible(page);
    }
}
