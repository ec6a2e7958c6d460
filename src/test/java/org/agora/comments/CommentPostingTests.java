package org.agora.comments;

import java.util.List;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
@Import(CommentsTestSetup.class)
@RecordApplicationEvents
class CommentPostingTests extends CommentTestSupport {

    @Autowired ApplicationEvents events;

    @Test
    void postingACommentSendsBackToTheResourceAtTheCommentAndPublishesCommentPosted() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();

        postComment(camille, item, null, "FOR", "Une piste cyclable entre Blois et Chambord.")
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern("/test-items/" + item.id() + "#comment-*"))
                .andExpect(flash().attribute("flash", "comments.flash.posted"));

        assertThat(storedComments(item)).isEqualTo(1);
        assertThat(events.stream(CommentPosted.class).filter(posted -> posted.resource().equals(item)))
                .singleElement().satisfies(posted -> {
                    assertThat(posted.author()).isEqualTo(camille.id());
                    assertThat(posted.parentCommentId()).isNull();
                    assertThat(posted.parentAuthor()).isNull();
                });
    }

    @Test
    void aReplyIsShownUnderItsParentAndItsEventNamesTheParentAuthor() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser dominique = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long first = comment(camille, item);

        long reply = comment(dominique, item, first, "AGAINST", "Le budget serait mieux employé pour les bus.");

        CommentThread thread = threads.threadOf(item, null);
        assertThat(thread.comments()).singleElement().satisfies(top -> {
            assertThat(top.id()).isEqualTo(first);
            assertThat(top.depth()).isEqualTo(1);
            assertThat(top.replies()).singleElement().satisfies(view -> {
                assertThat(view.id()).isEqualTo(reply);
                assertThat(view.depth()).isEqualTo(2);
                assertThat(view.authorName()).isEqualTo(dominique.pseudonym());
            });
        });
        assertThat(events.stream(CommentPosted.class).filter(posted -> posted.commentId() == reply))
                .singleElement().satisfies(posted -> {
                    assertThat(posted.parentCommentId()).isEqualTo(first);
                    assertThat(posted.parentAuthor()).isEqualTo(camille.id());
                });
    }

    @Test
    void aReplyToACommentAtTheDeepestLevelTakesItsPlaceBesideIt() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser dominique = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long level1 = comment(camille, item);
        long level2 = comment(dominique, item, level1, "NEUTRAL", "Et pour les piétons ?");
        long level3 = comment(camille, item, level2, "FOR", "Un trottoir large est prévu.");

        long deeper = comment(dominique, item, level3, "FOR", "Merci pour la précision.");

        CommentThread.CommentView second = threads.threadOf(item, null).comments().getFirst().replies().getFirst();
        assertThat(second.id()).isEqualTo(level2);
        assertThat(second.replies()).extracting(CommentThread.CommentView::id).containsExactly(level3, deeper);
        assertThat(second.replies()).allSatisfy(view -> assertThat(view.depth()).isEqualTo(3));
        assertThat(events.stream(CommentPosted.class).filter(posted -> posted.commentId() == deeper))
                .singleElement().satisfies(posted -> assertThat(posted.parentAuthor()).isEqualTo(camille.id()));
    }

    @Test
    void commentsAreCountedPerStanceAndPerResource() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        ResourceRef other = CommentsTestSetup.newItem();
        ResourceRef silent = CommentsTestSetup.newItem();
        comment(people.participant(), item, null, "FOR", "Pour, sans hésiter.");
        comment(people.participant(), item, null, "FOR", "Pour aussi.");
        long against = comment(people.participant(), item, null, "AGAINST", "Contre : trop cher.");
        comment(people.participant(), item, against, "NEUTRAL", "Cela dépend du financement.");
        comment(people.participant(), other);

        CommentThread thread = threads.threadOf(item, null);
        assertThat(List.of(thread.total(), thread.inFavour(), thread.against(), thread.neutral()))
                .containsExactly(4L, 2L, 1L, 1L);
        assertThat(threads.counts(List.of(item, other, silent))).containsOnlyKeys(item, other)
                .containsEntry(item, 4L).containsEntry(other, 1L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            missing body           | FOR     | NULL | NULL         | body
            empty body             | FOR     | ''   | NULL         | body
            blank body             | FOR     | '   \t  ' | NULL   | body
            one-character body     | FOR     | x    | NULL         | body
            missing stance         | NULL    | Un avis argumenté. | NULL | stance
            unknown stance         | MAYBE   | Un avis argumenté. | NULL | stance
            lower-case stance      | for     | Un avis argumenté. | NULL | stance
            parent id not a number | FOR     | Un avis argumenté. | abc  | parentId
            negative parent id     | FOR     | Un avis argumenté. | -3   | parentId
            parent id unknown      | FOR     | Un avis argumenté. | 999999999 | parentId
            """)
    void badInputIsAFieldErrorWithTheTextKeptAndNothingStored(String label, String stance, String body, String parentId,
                                                               String field) throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();

        postComment(camille, item, parentId, stance, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Votre commentaire n’a pas pu être publié")))
                .andExpect(content().string(containsString("href=\"/test-items/" + item.id() + "\"")))
                .andExpect(content().string(containsString(field.equals("body") ? "id=\"body-error\"" : field.equals("stance") ? "id=\"stance-error\"" : "class=\"error-summary\"")));

        assertThat(storedComments(item)).isZero();
    }

    @Test
    void aTooLongBodyIsRefusedButLineBreaksDoNotCountTwice() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();

        postComment(camille, item, null, "FOR", "a".repeat(3001))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ne doit pas dépasser 3 000 caractères")));
        assertThat(storedComments(item)).isZero();

        String withLineBreaks = ("a".repeat(99) + "\r\n").repeat(30).strip();
        long id = comment(camille, item, null, "FOR", withLineBreaks);
        assertThat(bodyOf(id)).doesNotContain("\r").contains("\n").hasSize(2999);
    }

    @Test
    void theTypedTextIsKeptOnTheRefusedFormAndEscaped() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        String typed = "</textarea><script>alert(1)</script>";

        String html = postComment(camille, item, null, "MAYBE", typed)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("Choisissez une position parmi pour, contre ou neutre.")))
                .andReturn().getResponse().getContentAsString();
        CommentThreadPageTests.Files.write("target/comment-form-sample.html", html);
    }

    @Test
    void scriptInjectionIsStoredAsTypedAndRenderedInert() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        List<String> payloads = List.of("<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
                "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}} [[${7*7}]]");
        for (String payload : payloads) {
            comment(camille, item, null, "NEUTRAL", payload);
        }

        String page = mvc.perform(get("/test-items/{id}", item.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<svg onload", "[[49]]", ">49<")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                        "&quot;&gt;&lt;svg onload=alert(1)&gt;", "[[${7*7}]]");
    }

    @Test
    void aResourceClosedToCommentsShowsWhyAndStoresNothing() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        items.close(item);

        postComment(camille, item, null, "FOR", "Je voulais dire quelque chose.")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Les commentaires sont fermés pour ce contenu.")))
                .andExpect(content().string(containsString("Je voulais dire quelque chose.")));

        assertThat(storedComments(item)).isZero();
        assertThat(threads.threadOf(item, camille)).satisfies(thread -> {
            assertThat(thread.viewerMayPost()).isFalse();
            assertThat(thread.refusalKey()).isEqualTo("comments.refusal.closed");
        });
    }

    @Test
    void commentingAnUnknownResourceIsNotFound() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef missing = new ResourceRef(CommentsTestSetup.TYPE, CommentsTestSetup.MISSING + 1);
        ResourceRef unknownType = new ResourceRef("no-such-thing", 1);

        postComment(camille, missing, null, "FOR", "Un avis argumenté.").andExpect(status().isNotFound());
        postComment(camille, unknownType, null, "FOR", "Un avis argumenté.").andExpect(status().isNotFound());

        assertThat(storedComments(missing) + storedComments(unknownType)).isZero();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Test-Item   | 5
            test_item   | 5
            NULL        | 5
            test-item   | abc
            test-item   | 0
            test-item   | NULL
            test-item   | 99999999999999999999
            """)
    void aMalformedResourceIsAFieldErrorNotAFailure(String type, String id) throws Exception {
        var request = post("/comments").with(csrf()).with(org.agora.People.as(people.participant()))
                .param("stance", "FOR").param("body", "Un avis argumenté.");
        if (type != null) {
            request.param("resourceType", type);
        }
        if (id != null) {
            request.param("resourceId", id);
        }
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le contenu commenté est inconnu.")))
                .andExpect(content().string(containsString("Un avis argumenté.")));
    }

    @Test
    void aVisitorIsSentToSignInAndNothingIsStored() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();

        postComment(null, item, null, "FOR", "Un avis argumenté.")
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/login"));

        assertThat(storedComments(item)).isZero();
        assertThat(threads.threadOf(item, null).refusalKey()).isEqualTo("comments.refusal.signIn");
    }
}
