package org.agora.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
class CommentVotingTests extends CommentTestSupport {

    private CommentThread.CommentView viewOf(ResourceRef item, AgoraUser viewer) {
        return threads.threadOf(item, viewer).comments().getFirst();
    }

    @Test
    void votingTheSameWayAgainChangesNothing() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        AgoraUser dominique = people.participant();

        vote(dominique, id, "UP").andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/test-items/" + item.id() + "#comment-" + id))
                .andExpect(flash().attribute("flash", "comments.flash.voted"));
        vote(dominique, id, "UP").andExpect(status().isSeeOther());

        assertThat(votes(id)).isEqualTo(1);
        CommentThread.CommentView view = viewOf(item, dominique);
        assertThat(view.upVotes()).isEqualTo(1);
        assertThat(view.downVotes()).isZero();
        assertThat(view.viewerVote()).isEqualTo("UP");
    }

    @Test
    void votingTheOtherWaySwitchesTheVoteAndNoneWithdrawsIt() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        AgoraUser dominique = people.participant();

        vote(dominique, id, "UP").andExpect(status().isSeeOther());
        vote(dominique, id, "DOWN").andExpect(status().isSeeOther());
        assertThat(votes(id)).isEqualTo(1);
        assertThat(viewOf(item, dominique)).satisfies(view -> {
            assertThat(view.upVotes()).isZero();
            assertThat(view.downVotes()).isEqualTo(1);
            assertThat(view.viewerVote()).isEqualTo("DOWN");
        });

        vote(dominique, id, "NONE").andExpect(status().isSeeOther())
                .andExpect(flash().attribute("flash", "comments.flash.voteWithdrawn"));
        vote(dominique, id, "NONE").andExpect(status().isSeeOther());
        assertThat(votes(id)).isZero();
        assertThat(viewOf(item, dominique).viewerVote()).isNull();
    }

    @Test
    void thePressedButtonShowsTheViewersVoteAndWithdrawsItWhenClickedAgain() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        AgoraUser camille = people.participant();
        long id = comment(camille, item);
        AgoraUser dominique = people.participant();
        vote(dominique, id, "UP").andExpect(status().isSeeOther());

        String page = mvc.perform(get("/test-items/{id}", item.id()).with(People.as(dominique)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("name=\"direction\" value=\"NONE\">\\s*<button type=\"submit\" class=\"vote-button\" aria-pressed=\"true\">\\s*<span>J’approuve \\(1\\)</span>")
                .containsPattern("name=\"direction\" value=\"DOWN\">\\s*<button type=\"submit\" class=\"vote-button\" aria-pressed=\"false\">\\s*<span>Je désapprouve \\(0\\)</span>")
                .contains("le commentaire de " + camille.pseudonym());
    }

    @Test
    void nobodyVotesOnTheirOwnComment() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        AgoraUser camille = people.participant();
        long id = comment(camille, item);

        vote(camille, id, "UP").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Vous ne pouvez pas voter pour votre propre commentaire.")))
                .andExpect(content().string(containsString("href=\"/test-items/" + item.id() + "\"")));

        assertThat(votes(id)).isZero();
        mvc.perform(get("/test-items/{id}", item.id()).with(People.as(camille)))
                .andExpect(content().string(containsString("0 approbation(s), 0 désapprobation(s)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "up", "SIDEWAYS", "UP DOWN", "<script>"})
    void anInvalidDirectionIsRefusedAndChangesNothing(String direction) throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);

        vote(people.participant(), id, direction).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un vote valide")));

        assertThat(votes(id)).isZero();
    }

    @Test
    void votesOnUnknownOrDeletedCommentsAndByVisitorsAreRefused() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        AgoraUser camille = people.participant();
        long id = comment(camille, item);
        AgoraUser dominique = people.participant();

        vote(dominique, 987_654_321L, "UP").andExpect(status().isNotFound());
        vote(dominique, 987_654_321L, "SIDEWAYS").andExpect(status().isNotFound());
        mvc.perform(post("/comments/{id}/vote", id).with(csrf()).param("direction", "UP"))
                .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/comments/{id}/delete", id).with(csrf()).with(People.as(camille)));
        vote(dominique, id, "UP").andExpect(status().isForbidden());

        assertThat(votes(id)).isZero();
    }

    @Test
    void votesAreRefusedWhereTheResourceNoLongerTakesComments() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        items.close(item);

        vote(people.participant(), id, "UP").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Les commentaires sont fermés pour ce contenu.")));

        assertThat(votes(id)).isZero();
    }

    @Test
    void thirtyParallelUpVotesByOnePersonMakeOneVote() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        AgoraUser dominique = people.participant();

        List<Integer> statuses = inParallel(30, index -> vote(dominique, id, "UP").andReturn().getResponse().getStatus());

        assertThat(statuses).containsOnly(303);
        assertThat(votes(id)).isEqualTo(1);
        assertThat(viewOf(item, null).upVotes()).isEqualTo(1);
    }

    @Test
    void thirtyPeopleVotingInParallelMakeThirtyVotes() throws Exception {
        ResourceRef item = CommentsTestSetup.newItem();
        long id = comment(people.participant(), item);
        List<AgoraUser> voters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            voters.add(people.participant());
        }

        List<Integer> statuses = inParallel(30, index -> vote(voters.get(index), id, "UP").andReturn().getResponse().getStatus());

        assertThat(statuses).containsOnly(303);
        assertThat(votes(id)).isEqualTo(30);
        assertThat(viewOf(item, null).upVotes()).isEqualTo(30);
    }

    interface Task {
        int run(int index) throws Exception;
    }

    static List<Integer> inParallel(int count, Task task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return task.run(index);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }
}
