package org.agora.notifications;

import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notices list, the settings page and the unsubscribe link. */
@AgoraTest
@Import(NotificationsTestSetup.class)
class NotificationPagesTests extends NotificationTestSupport {

    @Test
    void listsNoticesNewestFirstMarksTheUnreadAndCountsThemInTheHeader() throws Exception {
        AgoraUser author = withTwoNotices("liste");

        mvc.perform(get("/account/notifications").with(People.as(author)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Mes notifications</h1>"),
                        containsString("Notifications (2 non lues)"),
                        containsString("2 notifications, dont 2 non lue(s)."),
                        containsString("Nouveau commentaire sur « Des arbres dans les cours d’école »"),
                        containsString("Tout marquer comme lu"))));
    }

    @Test
    void openingANoticeMarksItReadAndGoesToItsPage() throws Exception {
        AgoraUser author = withTwoNotices("ouvre");
        long id = noticeIds(author).getFirst();

        mvc.perform(post("/account/notifications/{id}/open", id).with(csrf()).with(People.as(author)))
                .andExpect(redirectedUrlPattern("/processes/*/proposals/*#comment-*"));

        assertThat(unread(author)).isEqualTo(1);
        mvc.perform(get("/account/notifications").with(People.as(author)))
                .andExpect(content().string(containsString("Notifications (1 non lue)")));
    }

    @Test
    void someoneElsesNoticeIsNotFound() throws Exception {
        AgoraUser author = withTwoNotices("proprietaire");
        AgoraUser intruder = person("curieuse", NotificationFrequency.NEVER);

        mvc.perform(post("/account/notifications/{id}/open", noticeIds(author).getFirst()).with(csrf())
                        .with(People.as(intruder)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/notifications/{id}/open", 987654321L).with(csrf()).with(People.as(intruder)))
                .andExpect(status().isNotFound());
        assertThat(unread(author)).isEqualTo(2);
    }

    @Test
    void markingAllAsReadLeavesOthersNoticesUnread() throws Exception {
        AgoraUser author = withTwoNotices("lecteur-assidu");
        AgoraUser other = withTwoNotices("autre-lecteur");

        mvc.perform(post("/account/notifications/read-all").with(csrf()).with(People.as(author)))
                .andExpect(redirectedUrl("/account/notifications"));

        assertThat(unread(author)).isZero();
        assertThat(unread(other)).isEqualTo(2);
        mvc.perform(get("/account/notifications").with(People.as(author)))
                .andExpect(content().string(allOf(containsString(">Notifications</a>"),
                        not(containsString("Tout marquer comme lu")))));
    }

    @Test
    void theListNeedsASignedInPersonAndAPageThatExists() throws Exception {
        mvc.perform(get("/account/notifications")).andExpect(redirectedUrl("/login"));
        AgoraUser someone = person("pagine", NotificationFrequency.NEVER);
        mvc.perform(get("/account/notifications").param("page", "7").with(People.as(someone)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/notifications").param("page", "x").with(People.as(someone)))
                .andExpect(status().isNotFound());
    }

    @Test
    void settingsChooseTheMailFrequencyAndAutomaticFollowing() throws Exception {
        AgoraUser someone = person("regleur", NotificationFrequency.IMMEDIATE);

        mvc.perform(get("/account/notifications/settings").with(People.as(someone)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Réglages des notifications</h1>"),
                        containsString("Suivre automatiquement ce que je propose ou soutiens"))));
        mvc.perform(post("/account/notifications/settings").with(csrf()).with(People.as(someone))
                        .param("frequency", "DAILY_DIGEST"))
                .andExpect(redirectedUrl("/account/notifications/settings"));

        assertThat(accounts.profile(someone.id()).frequency()).isEqualTo(NotificationFrequency.DAILY_DIGEST);
        assertThat(context.getBean(NotificationPreferences.class).autoFollow(someone.id())).isFalse();

        mvc.perform(post("/account/notifications/settings").with(csrf()).with(People.as(someone))
                        .param("frequency", "SOMETIMES").param("autoFollow", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez l’une des fréquences proposées.")));
        assertThat(accounts.profile(someone.id()).frequency()).isEqualTo(NotificationFrequency.DAILY_DIGEST);
    }

    @Test
    void theUnsubscribeLinkAsksFirstThenSwitchesMailsOff() throws Exception {
        AgoraUser someone = person("desabonne", NotificationFrequency.IMMEDIATE);
        String token = context.getBean(NotificationPreferences.class).unsubscribeToken(someone.id());

        mvc.perform(get("/notifications/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Me désabonner")));
        assertThat(accounts.profile(someone.id()).frequency()).isEqualTo(NotificationFrequency.IMMEDIATE);

        mvc.perform(post("/notifications/unsubscribe").with(csrf()).param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("vous ne recevrez plus de courriel de notification")));
        assertThat(accounts.notificationContacts(List.of(someone.id())).get(someone.id()).frequency())
                .isEqualTo(NotificationFrequency.NEVER);
    }

    @Test
    void mailClientsUnsubscribeInOneClickWithoutASession() throws Exception {
        AgoraUser someone = person("un-clic", NotificationFrequency.DAILY_DIGEST);
        String token = context.getBean(NotificationPreferences.class).unsubscribeToken(someone.id());

        mvc.perform(post("/notifications/unsubscribe").queryParam("token", token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        assertThat(accounts.notificationContacts(List.of(someone.id())).get(someone.id()).frequency())
                .isEqualTo(NotificationFrequency.NEVER);
    }

    @Test
    void anUnknownUnsubscribeTokenIsNotFound() throws Exception {
        mvc.perform(get("/notifications/unsubscribe").param("token", "inconnu")).andExpect(status().isNotFound());
        mvc.perform(get("/notifications/unsubscribe")).andExpect(status().isNotFound());
        mvc.perform(post("/notifications/unsubscribe").param("token", "inconnu")).andExpect(status().isNotFound());
    }

    @Test
    void personalDataHoldsFollowsAndNotices() {
        AgoraUser author = withTwoNotices("exporte");

        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) accounts.exportPersonalData(author.id()).get("notifications");

        assertThat(section.get("autoFollow")).isEqualTo(true);
        assertThat((List<?>) section.get("follows")).hasSize(1);
        assertThat((List<?>) section.get("notices")).hasSize(2);
    }

    /** An author (NEVER mailed) with two unread comment notices on their proposal. */
    private AgoraUser withTwoNotices(String name) {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person(name, NotificationFrequency.NEVER);
        PublicProposal proposal = proposal(process, author, "Des arbres dans les cours d’école");
        AgoraUser commenter = person("commente", NotificationFrequency.NEVER);
        commentOn(ref(proposal), commenter, null, null);
        commentOn(ref(proposal), commenter, null, null);
        return author;
    }

    private List<Long> noticeIds(AgoraUser user) {
        return jdbc.queryForList("SELECT id FROM notice WHERE recipient_id = ? ORDER BY id", Long.class, user.id().value());
    }

    private int unread(AgoraUser user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND read_at IS NULL",
                Integer.class, user.id().value());
    }
}
