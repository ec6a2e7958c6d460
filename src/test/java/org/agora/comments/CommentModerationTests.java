package org.agora.comments;

import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ModerationTarget;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Comments as moderation's content: what hiding and restoring show and count, and what a blocked person may not do. */
@AgoraTest
@Import(CommentsTestSetup.class)
@RecordApplicationEvents
class CommentModerationTests extends CommentTestSupport {

    @Autowired List<ModerationTarget> moderationTargets;
    @Autowired ApplicationEvents events;

    ModerationTarget target() {
        return moderationTargets.stream().filter(target -> target.type().equals("comment")).findFirst().orElseThrow();
    }

    @Test
    void moderatorsSeeTheCommentItsAuthorAndWhereItIs() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item, null, "AGAINST", "Un commentaire   sur\nplusieurs lignes");

        assertThat(target().find(id)).hasValueSatisfying(found -> {
            assertThat(found.resource()).isEqualTo(new ResourceRef("comment", id));
            assertThat(found.author()).isEqualTo(camille.id());
            assertThat(found.excerpt()).isEqualTo("Un commentaire sur plusieurs lignes");
            assertThat(found.path()).isEqualTo("/test-items/" + item.id() + "#comment-" + id);
            assertThat(found.hidden()).isFalse();
        });
        mvc.perform(post("/comments/{id}/delete", id).with(csrf()).with(People.as(camille)));
        assertThat(target().find(id)).isEmpty();
        assertThat(target().find(999_999_999L)).isEmpty();
    }

    @Test
    void aHiddenCommentShowsItsReasonToThePublicAndItsTextToItsAuthorOnly() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item, null, "FOR", "Des mots que la modération masquera");

        target().hide(id, ModerationReason.OFFENSIVE);

        mvc.perform(get("/test-items/{id}", item.id()))
                .andExpect(content().string(containsString("Masqué par la modération (motif : propos offensants)")))
                .andExpect(content().string(not(containsString("Des mots que la modération masquera"))));
        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(people.participant())))
                .andExpect(content().string(not(containsString("Des mots que la modération masquera"))));
        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(camille)))
                .andExpect(content().string(containsString("Masqué par la modération (motif : propos offensants)")))
                .andExpect(content().string(containsString("Des mots que la modération masquera")));
        assertThat(target().find(id)).hasValueSatisfying(found -> assertThat(found.hidden()).isTrue());
        assertThat(bodyOf(id)).isEqualTo("Des mots que la modération masquera");
    }

    @Test
    void hidingStopsCountingTheCommentAndRestoringCountsItAgain() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        comment(people.participant(), item);

        target().hide(id, ModerationReason.SPAM);
        target().hide(id, ModerationReason.SPAM);
        assertThat(threads.counts(List.of(item))).isEqualTo(Map.of(item, 1L));
        assertThat(events.stream(CommentRemoved.class).filter(removed -> removed.commentId() == id)).hasSize(1);

        target().restore(id);
        target().restore(id);
        assertThat(threads.counts(List.of(item))).isEqualTo(Map.of(item, 2L));
        assertThat(events.stream(CommentRestored.class).filter(restored -> restored.commentId() == id)).hasSize(1);
        assertThat(threads.threadOf(item, null).total()).isEqualTo(2);
    }

    @Test
    void othersSeeAReportLinkTheAuthorDoesNot() throws Exception {
        AgoraUser camille = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(camille, item);
        String link = "/report?type=comment&amp;id=" + id;

        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(people.participant())))
                .andExpect(content().string(containsString(link)));
        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(camille)))
                .andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/test-items/{id}", item.id())).andExpect(content().string(not(containsString(link))));
    }

    @Test
    void aBlockedParticipantReadsButCannotPostOrVote() throws Exception {
        AgoraUser troll = people.participant();
        ResourceRef item = CommentsTestSetup.newItem();
        long other = comment(people.participant(), item);
        AgoraUser admin = people.administrator();
        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(People.as(admin))
                .param("email", troll.email()).param("reason", "Insultes répétées")).andExpect(status().is3xxRedirection());

        postComment(troll, item, null, "FOR", "Je veux encore écrire ici.")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Votre compte est bloqué par la modération")));
        vote(troll, other, "UP").andExpect(status().isForbidden());
        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(troll)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Votre compte est bloqué par la modération")))
                .andExpect(content().string(not(containsString("name=\"body\""))));
        assertThat(storedComments(item)).isEqualTo(1);
        assertThat(votes(other)).isZero();
    }
}
