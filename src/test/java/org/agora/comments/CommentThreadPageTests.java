package org.agora.comments;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The thread fragment as a feature's page shows it (through the test item page). */
@AgoraTest
@Import(CommentsTestSetup.class)
@RecordApplicationEvents
class CommentThreadPageTests extends CommentTestSupport {

    private String page(ResourceRef item, AgoraUser viewer) throws Exception {
        var request = get("/test-items/{id}", item.id());
        if (viewer != null) {
            request.with(People.as(viewer));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theThreadIsANestedListWithCountsStancesAsTextAndParisTimes() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser dominique = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long top = comment(camille, item, null, "FOR", "Première ligne\nDeuxième ligne");
        long reply = comment(dominique, item, top, "AGAINST", "Je ne suis pas d’accord.");
        comment(camille, item, reply, "NEUTRAL", "Parlons-en à la Fabrik.");
        Instant posted = jdbc.queryForObject("SELECT posted_at FROM resource_comment WHERE id = ?", java.sql.Timestamp.class, top).toInstant();

        String html = page(item, dominique);
        Files.write("target/comment-thread-sample.html", html);

        assertThat(html).contains("id=\"comments-title\"", "3 commentaires", "Pour : 1", "Contre : 1", "Neutres : 1",
                        "id=\"comment-" + top + "\"", "id=\"comment-" + reply + "\"",
                        "Position : Pour", "Position : Contre", "Position : Neutre",
                        "Première ligne\nDeuxième ligne",
                        "<ol class=\"comment-replies\" aria-label=\"Réponses au commentaire de " + camille.pseudonym() + "\">",
                        "<summary>Répondre à " + camille.pseudonym() + "</summary>",
                        "<label for=\"reply-" + top + "-body\">Votre réponse à " + camille.pseudonym() + "</label>",
                        "<label for=\"comment-new-body\">Votre commentaire</label>",
                        "<legend>Votre position</legend>",
                        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.FRENCH).format(posted.atZone(Clocks.PARIS)))
                .doesNotContain("style=", "<script>", "onclick");
        // The viewer's own reply can be edited and deleted; the others' cannot.
        assertThat(html).contains("action=\"/comments/" + reply + "/edit\"", "action=\"/comments/" + reply + "/delete\"")
                .doesNotContain("action=\"/comments/" + top + "/edit\"", "action=\"/comments/" + top + "/delete\"");
    }

    @Test
    void theEditFormDisappearsWhenTheWindowCloses() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        assertThat(page(item, camille)).contains("action=\"/comments/" + id + "/edit\"");

        clock.advance(Duration.ofMinutes(20));

        assertThat(page(item, camille)).doesNotContain("action=\"/comments/" + id + "/edit\"")
                .contains("action=\"/comments/" + id + "/delete\"");
    }

    @Test
    void aVisitorSeesTheCommentsAndASignInLinkInsteadOfForms() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        comment(people.participant(), item);

        String html = page(item, null);

        assertThat(html).contains("Connectez-vous pour commenter et voter.", "href=\"/login\"",
                        "Une piste cyclable entre Blois et Chambord, enfin !", "0 approbation(s), 0 désapprobation(s)")
                .doesNotContain("action=\"/comments\"", "/vote\"");
    }

    @Test
    void anEmptyThreadSaysSo() throws Exception {
        assertThat(page(CommentsTestSetup.newItem(), people.participant()))
                .contains("Aucun commentaire", "Aucun commentaire pour l’instant.", "action=\"/comments\"");
    }

    /** Keeps the last rendered thread under target/ for a look by eye or an HTML checker. */
    static final class Files {
        static void write(String path, String html) throws java.io.IOException {
            java.nio.file.Files.writeString(java.nio.file.Path.of(path), html);
        }
    }
}
