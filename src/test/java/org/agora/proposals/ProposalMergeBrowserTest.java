package org.agora.proposals;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator merges the demo duplicate left unmerged into its original, from the duplicate's page through the
 * confirmation; a visitor following the duplicate's old address lands on the kept proposal, which lists it.
 */
class ProposalMergeBrowserTest extends BrowserTest {

    static final String PROPOSALS = "/processes/" + ProposalDemoData.PROCESS + "/proposals/";

    @Autowired JdbcTemplate jdbc;

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    @Test
    void staffMergeADuplicateAndAVisitorFollowsItsOldAddressToTheKeptProposal() {
        Map<String, Object> duplicate = jdbc.queryForMap("SELECT copy.reference AS copy, original.reference AS original "
                + "FROM proposal copy JOIN proposal original ON original.title = copy.title AND original.id < copy.id "
                + "WHERE copy.status = 'PUBLISHED' AND copy.body LIKE 'Je n’avais pas vu%'");
        String copy = (String) duplicate.get("copy");
        String original = (String) duplicate.get("original");

        signIn(ProposalDemoData.ADMINISTRATOR, ProposalDemoData.PASSWORD);
        open(PROPOSALS + copy);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Fusionner cette proposition avec une autre (doublon)")).click();
        assertThat(page.locator("h1")).hasText("Fusionner des propositions en double");
        assertThat(page.getByLabel("Proposition en double (fusionnée)")).hasValue(copy);
        assertAccessible(page);

        page.getByLabel("Proposition conservée").fill(copy);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vérifier la fusion")).click();
        assertThat(page.locator("#kept-error")).hasText("La proposition conservée doit être différente de la proposition fusionnée.");
        assertThat(page.getByLabel("Proposition conservée")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Proposition conservée").fill(original);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vérifier la fusion")).click();
        assertThat(page.locator("h1")).hasText("Confirmer la fusion");
        assertThat(main().locator("table")).containsText(copy);
        assertThat(main().locator("table")).containsText(original);
        assertThat(page.locator("#merge-outcome")).containsText("après la fusion, la proposition conservée aura");
        assertAccessible(page);
        page.getByLabel("Note publique (facultative)").fill("La même idée, déposée deux fois.");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fusionner")).click();

        assertThat(page.locator("[role=status]")).containsText("Les propositions sont fusionnées");
        assertThat(page).hasURL(url(PROPOSALS + original));
        assertThat(main().locator(".proposal-merged-from")).containsText(copy);
        assertThat(main().locator(".proposal-merged-from")).containsText("La même idée, déposée deux fois.");
        assertAccessible(page);

        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();
        open(PROPOSALS + copy);
        assertThat(page).hasURL(url(PROPOSALS + original));
        assertThat(main().locator(".proposal-merged-from")).containsText(copy);
        main().locator(".proposal-merged-from").getByRole(AriaRole.LINK).filter(new Locator.FilterOptions().setHasText(copy)).click();
        assertThat(main().locator(".proposal-merged")).containsText("Cette proposition a été fusionnée avec");
        assertThat(main().locator(".proposal-merged")).containsText(original);
        assertAccessible(page);
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE reference = ?", String.class, copy)).isEqualTo("MERGED");
    }
}
