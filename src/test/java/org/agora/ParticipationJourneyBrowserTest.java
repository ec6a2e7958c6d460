package org.agora;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.agora.notifications.OutboxMail;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole participation core as people meet it: a participant proposes; the proposal is listed and found by the
 * search; another participant supports and comments it; the author sees the notice and receives the mail; the
 * author reports the comment and a moderator hides it; the public sees the moderation marker. Every page is scanned
 * with axe-core.
 */
class ParticipationJourneyBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String AUTHOR = "participant@example.org";
    static final String LIST = "/processes/democratie-permanente-centre-val-de-loire/proposals";
    static final String TITLE = "Des abris à vélos fermés près des gares de l'Indre";
    static final String COMMENT = "Bonne idée, surtout pour les lycéens qui prennent le premier train à Issoudun.";

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    Locator button(String name) {
        return main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    void signOut() {
        page.locator("header").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Se déconnecter")).click();
    }

    @Test
    void aProposalIsFoundSupportedCommentedNotifiedAndItsReportedCommentHidden() {
        // The author asks for a mail at each notification, then proposes.
        signIn(AUTHOR, PASSWORD);
        open("/account/notifications/settings");
        assertAccessible(page);
        page.getByLabel("Un courriel à chaque notification").check();
        button("Enregistrer").click();
        assertThat(page.locator("[role=status]")).containsText("Vos réglages de notification sont enregistrés.");

        open(LIST);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Déposer une proposition")).click();
        assertThat(page.locator("h1")).hasText("Nouvelle proposition");
        page.getByLabel("Titre").fill(TITLE);
        page.getByLabel("Votre proposition").fill("Beaucoup viennent à la gare en vélo mais n'ont nulle part où le "
                + "laisser à l'abri : des abris fermés à Châteauroux, Issoudun et Argenton les y aideraient.");
        page.getByLabel("Territoire concerné").selectOption(new SelectOption().setLabel("Département — Indre"));
        page.getByLabel("Thème").selectOption("Mobilités");
        assertAccessible(page);
        button("Prévisualiser").click();
        assertThat(page.locator("h1")).hasText("Relire avant de publier");
        assertAccessible(page);
        button("Publier").click();
        assertThat(page.locator("[role=status]")).containsText("Votre proposition est publiée.");
        assertThat(page.locator("h1")).hasText(TITLE);
        assertAccessible(page);
        String proposalPage = page.url();

        // Listed first among the most recent, and found by the search with other word forms.
        open(LIST);
        assertThat(main().locator("ul.cards > li").first()).containsText(TITLE);
        Locator headerSearch = page.getByRole(AriaRole.SEARCH, new Page.GetByRoleOptions().setName("Rechercher sur le site"));
        headerSearch.getByLabel("Rechercher").fill("abri velo gare");
        headerSearch.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.locator("h1")).hasText("Rechercher");
        assertThat(main().locator("ol.search-results > li").first()).containsText(TITLE);
        assertAccessible(page);
        signOut();

        // Another participant supports and comments.
        signIn("citoyen07@example.org", PASSWORD);
        page.navigate(proposalPage);
        button("Soutenir cette proposition").click();
        assertThat(page.locator("[role=status]")).containsText("Votre soutien est enregistré.");
        Locator newComment = main().locator("form.comment-form").first();
        newComment.getByLabel("Pour").check();
        newComment.getByLabel("Votre commentaire").fill(COMMENT);
        newComment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier le commentaire")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre commentaire est publié.");
        assertAccessible(page);
        signOut();

        // The author got the mail at once, and the notice in the application.
        OutboxMail mail = outbox.latestTo(AUTHOR).orElseThrow();
        assertThat(mail.subject()).contains(TITLE);
        assertThat(mail.links()).anyMatch(link -> link.contains("/notifications/unsubscribe"));
        signIn(AUTHOR, PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Notifications \\(\\d+ non lues?\\)$"))).click();
        assertThat(page.locator("h1")).hasText("Mes notifications");
        Locator notice = main().locator("li.unread", new Locator.LocatorOptions().setHasText(TITLE)).first();
        assertThat(notice).containsText("Nouveau commentaire");
        assertAccessible(page);
        notice.locator("button.link-button").click();
        assertThat(page).hasURL(Pattern.compile(".*/proposals/.*#comment-\\d+$"));

        // The author reports the comment; a moderator hides it from the queue.
        reportComment(COMMENT, "Hors sujet");
        signOut();

        signIn("moderateur@example.org", PASSWORD);
        hideCommentFromTheQueue(COMMENT, "OFF_TOPIC", null);
        signOut();

        // The public sees the marker and the reason's category, not the text.
        page.navigate(proposalPage);
        assertThat(main()).containsText("Masqué par la modération (motif : hors sujet)");
        assertThat(main()).not().containsText(COMMENT);
        assertAccessible(page);
        screenshot(page, "journey-hidden-comment");
    }
}
