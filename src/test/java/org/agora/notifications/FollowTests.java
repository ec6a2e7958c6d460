package org.agora.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
@Import(NotificationsTestSetup.class)
class FollowTests extends NotificationTestSupport {

    @Test
    void followingFromTheProposalPageComesBackToItAndShowsUnfollow() throws Exception {
        ProcessSettings process = openProcess(null);
        PublicProposal proposal = proposal(process, person("proposeur", NotificationFrequency.NEVER), "Un parc à vélos gardé");
        AgoraUser reader = person("lectrice", NotificationFrequency.NEVER);

        mvc.perform(get(proposal.path()).with(People.as(reader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/follows\"")));
        mvc.perform(post("/follows").with(csrf()).with(People.as(reader))
                        .param("resourceType", "proposal").param("resourceId", String.valueOf(proposal.id().value())))
                .andExpect(redirectedUrl(proposal.path()));

        assertThat(follows(reader, ref(proposal))).isTrue();
        mvc.perform(get(proposal.path()).with(People.as(reader)))
                .andExpect(content().string(containsString("action=\"/follows/delete\"")));

        mvc.perform(post("/follows/delete").with(csrf()).with(People.as(reader))
                        .param("resourceType", "proposal").param("resourceId", String.valueOf(proposal.id().value())))
                .andExpect(redirectedUrl(proposal.path()));
        assertThat(follows(reader, ref(proposal))).isFalse();
    }

    @Test
    void htmxGetsTheButtonBackInPlace() throws Exception {
        ProcessSettings process = openProcess(null);
        AgoraUser reader = person("htmx", NotificationFrequency.NEVER);

        mvc.perform(post("/follows").with(csrf()).with(People.as(reader)).header("HX-Request", "true")
                        .param("resourceType", "process").param("resourceId", String.valueOf(process.id().value())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"follow-process-" + process.id().value() + "\"")))
                .andExpect(content().string(containsString("Ne plus suivre")))
                .andExpect(content().string(not(containsString("<html"))));

        assertThat(follows(reader, ref(process))).isTrue();
    }

    @Test
    void theProcessPageOffersToFollowOnlyToSignedInPeople() throws Exception {
        ProcessSettings process = openProcess(null);

        mvc.perform(get("/processes/{slug}", process.slug()).with(People.as(person("membre", NotificationFrequency.NEVER))))
                .andExpect(content().string(containsString("action=\"/follows\"")));
        mvc.perform(get("/processes/{slug}", process.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("action=\"/follows\""))));
    }

    @Test
    void followingTwiceAtOnceKeepsOneFollow() throws Exception {
        ProcessSettings process = openProcess(null);
        AgoraUser eager = person("presse", NotificationFrequency.NEVER);
        int clicks = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/follows").with(csrf()).with(People.as(eager))
                                    .param("resourceType", "process").param("resourceId", String.valueOf(process.id().value())))
                            .andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(followRows(eager.id(), ref(process))).isEqualTo(1);
    }

    @Test
    void unknownResourcesAreNotFoundAndVisitorsAreSentToSignIn() throws Exception {
        AgoraUser someone = person("egare", NotificationFrequency.NEVER);

        mvc.perform(post("/follows").with(csrf()).with(People.as(someone))
                        .param("resourceType", "proposal").param("resourceId", "999999999"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/follows").with(csrf()).with(People.as(someone))
                        .param("resourceType", "meeting").param("resourceId", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/follows").with(csrf()).with(People.as(someone))
                        .param("resourceType", "proposal").param("resourceId", "abc"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/follows").with(csrf()).param("resourceType", "process").param("resourceId", "1"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void followingNeedsTheFormsCsrfToken() throws Exception {
        ProcessSettings process = openProcess(null);
        AgoraUser someone = person("cible", NotificationFrequency.NEVER);

        mvc.perform(post("/follows").with(People.as(someone))
                        .param("resourceType", "process").param("resourceId", String.valueOf(process.id().value())))
                .andExpect(status().isForbidden());
        assertThat(follows(someone, ref(process))).isFalse();
    }
}
