package org.agora.meetings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.agora.AgoraTest;
import org.agora.shared.MailRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.agora.People.as;
import static org.agora.meetings.AttendanceTests.held;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
@RecordApplicationEvents
class SurveyTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Attendance attendance;

    @Autowired
    Surveys surveys;

    @Autowired
    ApplicationEvents events;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    /** Another application node on the same database. */
    Surveys anotherNode() {
        return new Surveys(bed.meetings, context.getBean(NamedParameterJdbcTemplate.class),
                context, context,
                context.getBean(MeetingLinks.class), context.getBean(java.time.Clock.class),
                context.getBean(PlatformTransactionManager.class));
    }

    List<MailRequested> surveysTo(String email) {
        return events.stream(MailRequested.class)
                .filter(mail -> mail.topic().equals("meeting-survey") && mail.recipient().equals(email)).toList();
    }

    String surveyPath(String email) {
        String text = surveysTo(email).get(0).text();
        URI link = URI.create(text.substring(text.indexOf("http")).strip());
        return link.getPath() + "?" + link.getRawQuery();
    }

    @Test
    void sendsTheSurveyOnceToThePeoplePresentWithAnEmailEvenWithTwoNodes() {
        AttendanceTests.Held meeting = held(bed, 10, 3, Duration.ofHours(5));
        AttendanceTests.Held tooRecent = held(bed, 10, 1, Duration.ofHours(3));
        Registration present = meeting.confirmed().get(0);
        Registration absent = meeting.confirmed().get(1);
        attendance.markPresent(bed.staff, meeting.id(), present.id());
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn("Walk In", "walk.in." + meeting.id() + "@example.org", null), "en");
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn("Sans Adresse", null, null), "fr");
        attendance.markPresent(bed.staff, tooRecent.id(), tooRecent.confirmed().get(0).id());

        surveys.sendDue();
        surveys.sendDue();

        assertThat(surveysTo(present.email())).hasSize(1);
        assertThat(surveysTo("walk.in." + meeting.id() + "@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Your opinion on"));
        assertThat(surveysTo(absent.email())).isEmpty();
        assertThat(surveysTo(tooRecent.confirmed().get(0).email())).isEmpty();
        assertThat(surveys.aspects(meeting.id())).extracting(Surveys.Aspect::label)
                .containsExactly("Organisation", "Qualité des échanges", "Lieu");
    }

    @Test
    void twoNodesSendingAtOnceSendEachSurveyOnce() {
        AttendanceTests.Held meeting = held(bed, 10, 3, Duration.ofHours(5));
        meeting.confirmed().forEach(registration -> attendance.markPresent(bed.staff, meeting.id(), registration.id()));
        Surveys other = anotherNode();

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> surveys.send(meeting.id()));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> other.send(meeting.id()));

        assertThat(first.join() + second.join()).isEqualTo(3);
        assertThat(other.send(meeting.id())).isZero();
        assertThat(surveys.aspects(meeting.id())).hasSize(3);
    }

    @Test
    void theLinkWorksWithoutAnAccountAndASecondAnswerIsRefused() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 1, Duration.ofHours(5));
        Registration present = meeting.confirmed().get(0);
        attendance.markPresent(bed.staff, meeting.id(), present.id());
        surveys.sendNow(bed.staff, meeting.id());
        String path = surveyPath(present.email());
        Surveys.Aspect place = surveys.aspects(meeting.id()).get(2);

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dans l&#39;ensemble, êtes-vous satisfait·e")));
        String token = path.substring(path.indexOf("token=") + 6);
        mvc.perform(post("/meetings/survey").param("token", token).with(csrf())
                        .param("overall", "4").param("aspect-" + place.id(), "2").param("comment", "Salle trop petite."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "meetings.survey.thanks"));
        mvc.perform(post("/meetings/survey").param("token", token).with(csrf()).param("overall", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "meetings.survey.already"));
        mvc.perform(get(path)).andExpect(content().string(containsString("Vous avez déjà répondu")));

        Surveys.Results results = surveys.ofMeeting(meeting.id());
        assertThat(results.answers()).isEqualTo(1);
        assertThat(results.verySatisfied()).isEqualTo(1);
        assertThat(results.comments()).extracting(Surveys.Comment::text).containsExactly("Salle trop petite.");
        assertThat(results.aspects()).singleElement().satisfies(aspect -> assertThat(aspect.label()).isEqualTo("Lieu"));
    }

    @Test
    void refusesAnUnknownLinkAndAnAnswerWithoutTheOverallLevel() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 1, Duration.ofHours(5));
        Registration present = meeting.confirmed().get(0);
        attendance.markPresent(bed.staff, meeting.id(), present.id());
        surveys.sendNow(bed.staff, meeting.id());
        String path = surveyPath(present.email());
        String token = path.substring(path.indexOf("token=") + 6);

        mvc.perform(get("/meetings/survey").param("token", "pas-un-jeton")).andExpect(status().isNotFound());
        mvc.perform(post("/meetings/survey").param("token", token).with(csrf()).param("comment", "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dites si vous êtes satisfait·e")))
                .andExpect(content().string(containsString("2 000 caractères au plus")));
        assertThat(surveys.ofMeeting(meeting.id()).answers()).isZero();
    }

    @Test
    void addsUpTheAnswersExactly() {
        AttendanceTests.Held meeting = held(bed, 10, 5, Duration.ofHours(5));
        surveys.addAspect(bed.staff, meeting.id(), "Accueil");
        meeting.confirmed().forEach(registration -> attendance.markPresent(bed.staff, meeting.id(), registration.id()));
        surveys.sendNow(bed.staff, meeting.id());
        long welcome = surveys.aspects(meeting.id()).get(0).id();
        int[] overall = {4, 4, 3, 1};
        int[] welcomeLevels = {4, 3, 3, 3};
        for (int i = 0; i < overall.length; i++) {
            String path = surveyPath(meeting.confirmed().get(i).email());
            Surveys.Invitation invitation = surveys.invitation(path.substring(path.indexOf("token=") + 6)).orElseThrow();
            assertThat(surveys.answer(invitation, overall[i], Map.of(welcome, welcomeLevels[i]), null)).isTrue();
        }

        Surveys.Results results = surveys.ofMeeting(meeting.id());

        assertThat(results.surveyed()).isEqualTo(5);
        assertThat(results.answers()).isEqualTo(4);
        assertThat(results.responseRatePercent()).isEqualTo(80);
        assertThat(results.verySatisfiedPercent()).isEqualTo(50);
        assertThat(results.overall().levels()).extracting(Surveys.Level::level, Surveys.Level::count, Surveys.Level::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 2, 50), org.assertj.core.groups.Tuple.tuple(3, 1, 25),
                        org.assertj.core.groups.Tuple.tuple(2, 0, 0), org.assertj.core.groups.Tuple.tuple(1, 1, 25));
        assertThat(results.aspects()).singleElement().satisfies(aspect -> {
            assertThat(aspect.label()).isEqualTo("Accueil");
            assertThat(aspect.distribution().levels()).extracting(Surveys.Level::count).containsExactly(1, 3, 0, 0);
        });
        assertThat(results.satisfaction()).isEqualTo(new MeetingSatisfaction(5, 4, 2));
        assertThat(results.satisfaction().verySatisfiedShare()).isEqualTo(0.5);
    }

    @Test
    void aProcessAddsUpTheAttendanceAndSatisfactionOfItsMeetingsHeld() {
        long process = 800_000 + System.nanoTime() % 100_000;
        AttendanceTests.Held first = held(bed, 10, 2, Duration.ofDays(2));
        AttendanceTests.Held second = held(bed, 10, 2, Duration.ofDays(1));
        AttendanceTests.Held ahead = held(bed, 10, 1, Duration.ofDays(-3));
        for (AttendanceTests.Held meeting : List.of(first, second, ahead)) {
            bed.jdbc.update("UPDATE meeting SET process_id = ? WHERE id = ?", process, meeting.id());
        }
        attendance.markPresent(bed.staff, first.id(), first.confirmed().get(0).id());
        attendance.markPresent(bed.staff, second.id(), second.confirmed().get(0).id());
        attendance.markPresent(bed.staff, second.id(), second.confirmed().get(1).id());
        surveys.send(first.id());
        surveys.send(second.id());
        String path = surveyPath(second.confirmed().get(1).email());
        surveys.answer(surveys.invitation(path.substring(path.indexOf("token=") + 6)).orElseThrow(), 4, Map.of(), null);
        AttendanceCatalog catalog = context.getBean(AttendanceCatalog.class);

        assertThat(catalog.figuresOfProcess(new org.agora.processes.ProcessId(process)))
                .isEqualTo(new MeetingFigures(2, 4, 3, 0));
        assertThat(catalog.satisfactionOfProcess(new org.agora.processes.ProcessId(process)))
                .isEqualTo(new MeetingSatisfaction(3, 1, 1));
        assertThat(catalog.satisfactionOf(new MeetingId(first.id()))).isEqualTo(new MeetingSatisfaction(1, 0, 0));
    }

    @Test
    void onlyStaffSendTheSurveyAndChangeItsQuestionsUntilItIsSent() throws Exception {
        AttendanceTests.Held meeting = held(bed, 10, 1, Duration.ofHours(1));
        attendance.markPresent(bed.staff, meeting.id(), meeting.confirmed().get(0).id());

        mvc.perform(post("/meetings/{id}/bilan/send-survey", meeting.id()).with(as(bed.facilitatorOf(bed.north))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/bilan", meeting.id()).with(as(bed.facilitatorOf(bed.north))))
                .andExpect(status().isOk());
        mvc.perform(post("/meetings/{id}/bilan/send-survey", meeting.id()).with(as(bed.staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/meetings/{id}/bilan/aspects", meeting.id()).param("label", "Horaires").with(as(bed.staff)).with(csrf()))
                .andExpect(status().isConflict());

        assertThat(surveysTo(meeting.confirmed().get(0).email())).hasSize(1);
        mvc.perform(get("/meetings/{id}/bilan", meeting.id()).with(as(bed.staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Personnes interrogées")));
    }
}
