package org.agora.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.agora.People.as;
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
@Import(ModerationTestSetup.class)
@RecordApplicationEvents
class ModerationReportTests {

    @Autowired MockMvc mvc;
    @Autowired People people;
    @Autowired ModerationTestSetup.TestNotes notes;
    @Autowired ModerationManagement management;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    ResultActions report(AgoraUser user, ResourceRef content, String reason, String note) throws Exception {
        var request = post("/report").with(csrf()).param("type", content.type()).param("id", String.valueOf(content.id()));
        if (user != null) {
            request.with(as(user));
        }
        if (reason != null) {
            request.param("reason", reason);
        }
        if (note != null) {
            request.param("note", note);
        }
        return mvc.perform(request);
    }

    ResourceRef note(AgoraUser author) {
        return notes.write(author.id(), 42L, "Achetez des montres sur example.com");
    }

    long reports(ResourceRef content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM moderation_report r JOIN moderation_case c ON c.id = r.case_id "
                + "WHERE c.resource_type = ? AND c.resource_id = ?", Long.class, content.type(), content.id());
    }

    long logged(ModerationAction action, ResourceRef content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM moderation_action WHERE action = ? AND resource_type = ? "
                + "AND resource_id = ?", Long.class, action.name(), content.type(), content.id());
    }

    @Test
    void aReportIsStoredAndSendsThePersonBackToTheContentWithThanks() throws Exception {
        ResourceRef content = note(people.participant());

        report(people.participant(), content, "SPAM", "")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/test-notes/" + content.id()))
                .andExpect(flash().attribute("flash", "moderation.flash.reported"));

        assertThat(reports(content)).isEqualTo(1);
        assertThat(notes.hidden(content)).isFalse();
    }

    @Test
    void aSecondReportByTheSamePersonIsAFriendlySuccessThatStoresNothing() throws Exception {
        ResourceRef content = note(people.participant());
        AgoraUser camille = people.participant();
        report(camille, content, "SPAM", null).andExpect(flash().attribute("flash", "moderation.flash.reported"));

        report(camille, content, "OFFENSIVE", null)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "moderation.flash.alreadyReported"));
        mvc.perform(get("/report").param("type", content.type()).param("id", String.valueOf(content.id())).with(as(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vous avez déjà signalé ce contenu")))
                .andExpect(content().string(not(containsString("name=\"reason\""))));

        assertThat(reports(content)).isEqualTo(1);
    }

    @Test
    void theReportFormOffersTheFiveReasonsAndShowsTheContent() throws Exception {
        ResourceRef content = note(people.participant());

        mvc.perform(get("/report").param("type", content.type()).param("id", String.valueOf(content.id()))
                        .with(as(people.participant())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Achetez des montres")))
                .andExpect(content().string(containsString("value=\"PERSONAL_DATA\"")))
                .andExpect(content().string(containsString("value=\"OTHER\"")));
    }

    @Test
    void theReportFormSpeaksEnglishWhenAsked() throws Exception {
        ResourceRef content = note(people.participant());

        mvc.perform(get("/report").param("type", content.type()).param("id", String.valueOf(content.id()))
                        .cookie(new jakarta.servlet.http.Cookie("agora_lang", "en")).with(as(people.participant())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Report content</h1>")))
                .andExpect(content().string(containsString("Personal data")))
                .andExpect(content().string(containsString("Send the report")));
    }

    @Test
    void peopleCannotReportTheirOwnContent() throws Exception {
        AgoraUser author = people.participant();
        ResourceRef content = note(author);

        report(author, content, "SPAM", null)
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("votre propre contribution")));
        mvc.perform(get("/report").param("type", content.type()).param("id", String.valueOf(content.id())).with(as(author)))
                .andExpect(status().isForbidden());
        assertThat(reports(content)).isZero();
    }

    @Test
    void unknownOrMalformedContentIsNotFound() throws Exception {
        AgoraUser camille = people.participant();
        mvc.perform(get("/report").param("type", ModerationTestSetup.TYPE).param("id", "999999999").with(as(camille)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/report").param("type", "meeting").param("id", "1").with(as(camille)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/report").param("type", ModerationTestSetup.TYPE).param("id", "abc").with(as(camille)))
                .andExpect(status().isNotFound());
        report(camille, new ResourceRef(ModerationTestSetup.TYPE, 999_999_999L), "SPAM", null)
                .andExpect(status().isNotFound());
    }

    @Test
    void visitorsAreAskedToSignInFirst() throws Exception {
        ResourceRef content = note(people.participant());

        mvc.perform(get("/report").param("type", content.type()).param("id", String.valueOf(content.id())))
                .andExpect(redirectedUrl("/login"));
        report(null, content, "SPAM", null).andExpect(redirectedUrl("/login"));
        assertThat(reports(content)).isZero();
    }

    @Test
    void badInputIsSaidNextToTheFieldAndStoresNothing() throws Exception {
        ResourceRef content = note(people.participant());
        AgoraUser camille = people.participant();

        report(camille, content, null, null).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le motif du signalement.")));
        report(camille, content, "RUDE", null).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le motif du signalement.")));
        report(camille, content, "OTHER", "   ").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Précisez le motif du signalement.")));
        report(camille, content, "OFFENSIVE", "x".repeat(1001)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("1 000 caractères")));

        assertThat(reports(content)).isZero();
        report(camille, content, "OTHER", "Numéro de téléphone d’une tierce personne").andExpect(status().is3xxRedirection());
        assertThat(reports(content)).isEqualTo(1);
    }

    @Test
    void theThirdReportHidesTheContentPendingReviewWithTheMostGivenReason() throws Exception {
        AgoraUser author = people.participant();
        ResourceRef content = note(author);
        report(people.participant(), content, "OFFENSIVE", null);
        report(people.participant(), content, "SPAM", null);
        assertThat(notes.hidden(content)).isFalse();

        report(people.participant(), content, "SPAM", null);

        assertThat(notes.hiddenReason(content)).isEqualTo(ModerationReason.SPAM);
        assertThat(events.stream(ContentHidden.class).filter(hidden -> hidden.resource().equals(content)))
                .containsExactly(new ContentHidden(content, author.id(), ModerationReason.SPAM, true));
        assertThat(logged(ModerationAction.AUTO_HIDE, content)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM moderation_case WHERE resource_type = ? AND resource_id = ?",
                String.class, content.type(), content.id())).isEqualTo("OPEN");
    }

    @Test
    void tenPeopleReportingAtOnceMakeTenReportsAndOneHiding() throws Exception {
        AgoraUser author = people.participant();
        ResourceRef content = note(author);
        List<AgoraUser> reporters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reporters.add(people.participant());
        }
        int hidesBefore = notes.hides();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<ModerationManagement.ReportOutcome>> outcomes = new ArrayList<>();
            for (AgoraUser reporter : reporters) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return management.report(reporter.id(), content, ModerationReason.OFFENSIVE, null);
                }));
            }
            start.countDown();
            for (Future<ModerationManagement.ReportOutcome> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(ModerationManagement.ReportOutcome.REPORTED);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(reports(content)).isEqualTo(10);
        assertThat(notes.hides() - hidesBefore).isEqualTo(1);
        assertThat(logged(ModerationAction.AUTO_HIDE, content)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT open_reports FROM moderation_case WHERE resource_type = ? AND resource_id = ?",
                Integer.class, content.type(), content.id())).isEqualTo(10);
    }
}
