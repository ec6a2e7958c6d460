package org.agora.comments;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.moderation.ModerationReason;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
@Import(CommentsTestSetup.class)
@RecordApplicationEvents
class CommentEditingTests extends CommentTestSupport {

    @Autowired ApplicationEvents events;
    @Autowired CommentManagement management;
    @Autowired AccountManagement accounts;

    private ResultActions edit(AgoraUser user, long id, String stance, String body) throws Exception {
        var request = post("/comments/{id}/edit", id).with(csrf()).with(People.as(user));
        if (stance != null) {
            request.param("stance", stance);
        }
        if (body != null) {
            request.param("body", body);
        }
        return mvc.perform(request);
    }

    private ResultActions delete(AgoraUser user, long id) throws Exception {
        return mvc.perform(post("/comments/{id}/delete", id).with(csrf()).with(People.as(user)));
    }

    @Test
    void theAuthorEditsWithinTheWindowAndTheCommentIsMarkedEdited() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        clock.advance(Duration.ofMinutes(14));

        edit(camille, id, "AGAINST", "Finalement, je préfère un bus.")
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/test-items/" + item.id() + "#comment-" + id))
                .andExpect(flash().attribute("flash", "comments.flash.edited"));

        CommentThread.CommentView view = threads.threadOf(item, camille).comments().getFirst();
        assertThat(view.body()).isEqualTo("Finalement, je préfère un bus.");
        assertThat(view.stance()).isEqualTo("AGAINST");
        assertThat(view.edited()).isTrue();
    }

    @Test
    void afterTheEditWindowTheEditIsRefusedWithTheTextKept() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        assertThat(threads.threadOf(item, camille).comments().getFirst().viewerMayEdit()).isTrue();
        clock.advance(Duration.ofMinutes(16));

        edit(camille, id, "AGAINST", "Trop tard pour changer d’avis ?")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le délai pour modifier ce commentaire est dépassé.")))
                .andExpect(content().string(containsString("Trop tard pour changer d’avis ?")));

        assertThat(bodyOf(id)).isEqualTo("Une piste cyclable entre Blois et Chambord, enfin !");
        assertThat(threads.threadOf(item, camille).comments().getFirst().viewerMayEdit()).isFalse();
    }

    @Test
    void badEditInputIsAFieldErrorAndChangesNothing() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);

        edit(camille, id, "FOR", "  ").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"body-error\"")));
        edit(camille, id, "SIDEWAYS", "Un texte correct.").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"stance-error\"")));
        edit(camille, id, "FOR", "b".repeat(3001)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ne doit pas dépasser 3 000 caractères")));
        edit(camille, id, "FOR", "<script>alert(1)</script>x").andExpect(status().isSeeOther());

        assertThat(bodyOf(id)).isEqualTo("<script>alert(1)</script>x");
        mvc.perform(get("/test-items/{id}", item.id()))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;x")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void someoneElsesCommentCannotBeEditedOrDeleted() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser intruder = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);

        edit(intruder, id, "AGAINST", "Je réécris ton avis.").andExpect(status().isForbidden());
        edit(intruder, id, "NOPE", "").andExpect(status().isForbidden());
        delete(intruder, id).andExpect(status().isForbidden());

        assertThat(bodyOf(id)).isEqualTo("Une piste cyclable entre Blois et Chambord, enfin !");
        assertThat(events.stream(CommentRemoved.class).filter(removed -> removed.commentId() == id)).isEmpty();
    }

    @Test
    void editingOrDeletingAnUnknownCommentIsNotFoundAndVisitorsAreSentToSignIn() throws Exception {
        AgoraUser camille = people.participant();
        edit(camille, 987_654_321L, "FOR", "Un texte correct.").andExpect(status().isNotFound());
        delete(camille, 987_654_321L).andExpect(status().isNotFound());
        mvc.perform(post("/comments/{id}/edit", 987_654_321L).with(csrf()).param("stance", "FOR").param("body", "Bonjour"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/comments/{id}/delete", 1).with(csrf()))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/comments/abc/delete").with(csrf()).with(People.as(camille)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDeletedCommentLeavesAMarkerKeepsItsRepliesAndNoLongerCounts() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser dominique = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        long reply = comment(dominique, item, id, "NEUTRAL", "Qui financerait ?");
        assertThat(threads.counts(List.of(item))).containsEntry(item, 2L);

        delete(camille, id).andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flash", "comments.flash.deleted"));
        delete(camille, id).andExpect(status().isSeeOther());

        assertThat(bodyOf(id)).isNull();
        CommentThread thread = threads.threadOf(item, null);
        assertThat(thread.total()).isEqualTo(1);
        assertThat(thread.inFavour()).isZero();
        assertThat(threads.counts(List.of(item))).containsEntry(item, 1L);
        assertThat(thread.comments()).singleElement().satisfies(view -> {
            assertThat(view.body()).isNull();
            assertThat(view.markerKey()).isEqualTo("comments.marker.deleted");
            assertThat(view.replies()).extracting(CommentThread.CommentView::id).containsExactly(reply);
        });
        assertThat(events.stream(CommentRemoved.class).filter(removed -> removed.commentId() == id))
                .containsExactly(new CommentRemoved(id, item));
        mvc.perform(get("/test-items/{id}", item.id()))
                .andExpect(content().string(containsString("Commentaire supprimé")))
                .andExpect(content().string(not(containsString("Une piste cyclable entre Blois"))))
                .andExpect(content().string(containsString("Qui financerait ?")));
        edit(camille, id, "FOR", "Je reviens dessus.").andExpect(status().isForbidden());
    }

    @Test
    void tenParallelDeletesOfOneCommentAllSucceedAndRemoveItOnce() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);

        List<Integer> statuses = CommentVotingTests.inParallel(10,
                index -> delete(camille, id).andReturn().getResponse().getStatus());

        assertThat(statuses).containsOnly(303);
        assertThat(bodyOf(id)).isNull();
        assertThat(events.stream(CommentRemoved.class).filter(removed -> removed.commentId() == id)).hasSize(1);
    }

    @Test
    void aCommentHiddenByModerationShowsTheReasonCategoryAndCanBeRestored() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);

        management.hide(id, ModerationReason.OFFENSIVE);

        assertThat(events.stream(CommentRemoved.class)).contains(new CommentRemoved(id, item));
        assertThat(threads.counts(List.of(item))).doesNotContainKey(item);
        assertThat(bodyOf(id)).isEqualTo("Une piste cyclable entre Blois et Chambord, enfin !");
        mvc.perform(get("/test-items/{id}", item.id()))
                .andExpect(content().string(containsString("Masqué par la modération (motif : propos offensants)")))
                .andExpect(content().string(not(containsString("Une piste cyclable entre Blois"))));

        management.restore(id);
        assertThat(threads.threadOf(item, null).comments().getFirst().body()).isEqualTo(bodyOf(id));
    }

    @Test
    void aDeletedAccountsCommentsStayUnderADeletedParticipant() throws Exception {
        AgoraUser leaving = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(leaving, item);
        String number = leaving.pseudonym().substring(leaving.pseudonym().lastIndexOf('-') + 1);

        accounts.deleteAccount(leaving.id(), "correct horse battery staple " + number);

        assertThat(threads.threadOf(item, null).comments()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(id);
            assertThat(view.authorDeleted()).isTrue();
            assertThat(view.authorName()).isNull();
            assertThat(view.body()).isNotNull();
        });
        mvc.perform(get("/test-items/{id}", item.id()))
                .andExpect(content().string(containsString("Participant supprimé")))
                .andExpect(content().string(not(containsString(leaving.pseudonym()))));
    }

    @Test
    void personalDataHasTheCommentsAndVotesOfThePerson() throws Exception {
        AgoraUser camille = people.participant();
        AgoraUser dominique = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        vote(dominique, id, "UP").andExpect(status().isSeeOther());

        Map<String, Object> camilles = accounts.exportPersonalData(camille.id());
        Map<String, Object> dominiques = accounts.exportPersonalData(dominique.id());

        assertThat(camilles.get("comments")).asString().contains("Une piste cyclable entre Blois et Chambord")
                .contains("test-item:" + item.id());
        assertThat(dominiques.get("comments")).asString().contains("commentId=" + id).contains("UP");
    }
}
