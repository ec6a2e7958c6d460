package org.agora.accountability;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.NotificationFrequency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's evaluator proposes an answer linked to a work programme, the administrator publishes it, the author reads
 * it and its timeline and is told, and the work programme's public page lists the proposal.
 */
class EvaluationBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountManagement accounts;

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    void click(String button) {
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void anEvaluatorProposesTheAdministratorPublishesAndTheAuthorReadsTheAnswer() {
        Map<String, Object> target = jdbc.queryForMap("""
                SELECT p.id, p.process_id, p.author_id, p.title, a.email,
                       '/processes/' || pr.slug || '/proposals/' || p.reference AS path
                FROM proposal p JOIN participatory_process pr ON pr.id = p.process_id JOIN account a ON a.id = p.author_id
                WHERE p.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.proposal_id = p.id)
                ORDER BY p.id FETCH FIRST 1 ROWS ONLY""");
        accounts.changeNotificationFrequency(new AccountId(((Number) target.get("author_id")).longValue()),
                NotificationFrequency.IMMEDIATE);
        String evaluation = "/admin/processes/" + target.get("process_id") + "/evaluation";
        String proposalPage = evaluation + "/" + target.get("id");

        signIn("agent@example.org", PASSWORD);
        open(evaluation + "?state=NONE");
        assertThat(page.locator("h1")).containsText("Évaluation des propositions");
        assertAccessible(page);
        open(proposalPage);
        page.getByLabel("Évaluateur ou évaluatrice").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Karim Agent"));
        click("Assigner");
        assertThat(page.locator("[role=status]")).containsText("Propositions assignées.");
        page.getByLabel("Nouvelle note", new Page.GetByLabelOptions().setExact(true)).fill("À rapprocher du chantier mobilités.");
        click("Ajouter la note");
        page.getByLabel("Chantier", new Page.GetByLabelOptions().setExact(false)).first().check();
        page.getByLabel("Réponse publique", new Page.GetByLabelOptions().setExact(true)).fill("Votre proposition nourrit le chantier des mobilités du quotidien.");
        click("Proposer cette réponse");
        assertThat(main().locator("#link-error")).containsText("Cette destination exige de dire ce que la proposition a nourri.");
        assertAccessible(page);
        page.getByLabel("Ce que la proposition a nourri", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Plan vélo régional"));
        click("Proposer cette réponse");
        assertThat(page.locator("[role=status]")).containsText("Réponse proposée");
        assertAccessible(page);
        open("/admin/processes/" + target.get("process_id") + "/answer-templates");
        assertAccessible(page);

        page.context().clearCookies();
        signIn("admin@example.org", PASSWORD);
        open("/admin/processes/" + target.get("process_id") + "/destinations");
        assertThat(page.locator("h1")).containsText("Destinations");
        assertAccessible(page);
        open(proposalPage);
        click("Valider la réponse");
        assertThat(page.locator("[role=status]")).containsText("Réponses validées.");
        click("Publier la réponse");
        assertThat(page.locator("[role=status]")).containsText("Réponses publiées.");

        page.context().clearCookies();
        signIn((String) target.get("email"), PASSWORD);
        open((String) target.get("path"));
        assertThat(main().locator(".proposal-answer")).containsText("Votre proposition nourrit le chantier des mobilités du quotidien.");
        assertThat(main().locator(".proposal-answer")).containsText("Chantier");
        assertThat(main().locator(".timeline")).containsText("Réponse publiée");
        assertThat(main().locator(".timeline")).containsText("Chantier « Plan vélo régional »");
        assertThat(main().locator(".proposal-answer")).containsText("Plan vélo régional");
        assertThat(main()).not().containsText("À rapprocher du chantier mobilités.");
        assertAccessible(page);
        open("/account/notifications");
        assertThat(main()).containsText("a reçu une réponse");
        assertAccessible(page);
        assertThat(outbox.latestTo((String) target.get("email")).orElseThrow().subject()).contains("a reçu une réponse");

        open((String) target.get("path"));
        main().locator(".proposal-answer").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Plan vélo régional")).click();
        assertThat(page.locator("h1")).containsText("Plan vélo régional");
        assertThat(main()).containsText((String) target.get("title"));
        assertAccessible(page);
    }
}
