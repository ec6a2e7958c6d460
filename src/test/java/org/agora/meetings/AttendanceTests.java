package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class AttendanceTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    Attendance attendance;

    @Autowired
    AttendanceCatalog catalog;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    /** A meeting whose registrations were taken while it was ahead, moved afterwards to {@code startsAgo} ago. */
    record Held(long id, List<Registration> confirmed, List<Registration> waiting) {
    }

    static Held held(MeetingTestBed bed, int capacity, int registered, Duration startsAgo) {
        long id = bed.publishedMeeting(capacity);
        List<Registration> confirmed = new ArrayList<>();
        List<Registration> waiting = new ArrayList<>();
        for (int i = 0; i < registered; i++) {
            Registration registration = bed.register(id, bed.people.participant()).registration();
            (registration.status() == RegistrationStatus.CONFIRMED ? confirmed : waiting).add(registration);
        }
        Instant starts = Instant.now().minus(startsAgo);
        bed.jdbc.update("UPDATE meeting SET starts_at = ?, ends_at = ? WHERE id = ?", Meetings.timestamp(starts),
                Meetings.timestamp(starts.plus(Duration.ofHours(2))), id);
        return new Held(id, confirmed, waiting);
    }

    @Test
    void findsARegistrationByItsCodeAsTheQrCodeOpensThePage() throws Exception {
        Held meeting = held(bed, 5, 2, Duration.ofMinutes(10));
        Registration someone = meeting.confirmed().get(1);

        mvc.perform(get("/meetings/{id}/check-in", meeting.id()).param("code", someone.code().toLowerCase())
                        .with(as(bed.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Inscription trouvée : " + someone.name())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Marquer " + someone.name() + " présent·e")));
    }

    @Test
    void findsPeopleByAPartOfTheirNameOrTheirCode() {
        Held meeting = held(bed, 5, 3, Duration.ofMinutes(10));
        Registration someone = meeting.confirmed().get(2);

        assertThat(attendance.attendees(meeting.id(), someone.name().substring(2).toUpperCase(), Attendance.Show.ALL))
                .extracting(Attendee::registrationId).containsExactly(someone.id());
        assertThat(attendance.attendees(meeting.id(), someone.code(), Attendance.Show.ALL))
                .extracting(Attendee::registrationId).containsExactly(someone.id());
    }

    @Test
    void marksPresentAndUndoesAndADoubleClickChangesNothing() throws Exception {
        Held meeting = held(bed, 5, 2, Duration.ofMinutes(10));
        Registration someone = meeting.confirmed().get(0);

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/meetings/{id}/check-in/present", meeting.id()).param("registration", "" + someone.id())
                            .with(as(bed.staff)).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/meetings/" + meeting.id() + "/check-in"));
        }

        assertThat(attendance.figures(meeting.id())).isEqualTo(new MeetingFigures(1, 2, 1, 0));
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = ?", Integer.class,
                meeting.id())).isEqualTo(1);
        assertThat(bed.jdbc.queryForObject("SELECT marked_by FROM meeting_attendance WHERE meeting_id = ?", Long.class,
                meeting.id())).isEqualTo(bed.staff.id().value());
        long mark = bed.jdbc.queryForObject("SELECT id FROM meeting_attendance WHERE meeting_id = ?", Long.class, meeting.id());

        attendance.undo(bed.staff, meeting.id(), mark);
        attendance.undo(bed.staff, meeting.id(), mark);

        assertThat(attendance.figures(meeting.id()).presentRegistered()).isZero();
        assertThat(attendance.attendees(meeting.id(), null, Attendance.Show.ABSENT)).hasSize(2);
    }

    @Test
    void aWaitingPersonIsMarkedPresentOnlyAsAWalkIn() {
        Held meeting = held(bed, 1, 2, Duration.ofMinutes(10));
        Registration waiting = meeting.waiting().get(0);

        assertThatThrownBy(() -> attendance.markPresent(bed.staff, meeting.id(), waiting.id()))
                .isInstanceOfSatisfying(MeetingRefused.class,
                        refused -> assertThat(refused.key()).isEqualTo("meetings.checkin.refused.no-seat"));

        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn(waiting.name(), waiting.email(), null), "fr");
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn(waiting.name(), waiting.email().toUpperCase(), null), "fr");

        assertThat(attendance.figures(meeting.id())).isEqualTo(new MeetingFigures(1, 1, 0, 1));
        assertThat(attendance.attendees(meeting.id(), waiting.name(), Attendance.Show.PRESENT))
                .singleElement().satisfies(person -> assertThat(person.walkIn()).isTrue());
    }

    @Test
    void walkInsCountAsPresentAndAsWalkInsAndTheRateIsAmongRegistered() {
        Held meeting = held(bed, 10, 4, Duration.ofMinutes(10));
        attendance.markPresent(bed.staff, meeting.id(), meeting.confirmed().get(0).id());
        attendance.markPresent(bed.staff, meeting.id(), meeting.confirmed().get(1).id());
        attendance.markPresent(bed.staff, meeting.id(), meeting.confirmed().get(2).id());
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn("Jeanne Sansmail", "", ""), "fr");
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn("Jeanne Sansmail", "", ""), "fr");
        attendance.addWalkIn(bed.staff, meeting.id(), new Attendance.WalkIn("Paul Venu", "paul.venu@example.org", ""), "en");

        MeetingFigures figures = attendance.figures(meeting.id());

        assertThat(figures).isEqualTo(new MeetingFigures(1, 4, 3, 3));
        assertThat(figures.presentTotal()).isEqualTo(6);
        assertThat(figures.rate()).isEqualTo(0.75);
        assertThat(figures.ratePercent()).isEqualTo(75);
    }

    @Test
    void addsUpTheMeetingsHeldInASeries() {
        long series = bed.meetings.insertSeries("serie-presences-" + System.nanoTime(), SeriesKind.values()[0],
                "Cycle", "Un cycle.", null);
        Held first = held(bed, 10, 4, Duration.ofDays(3));
        Held second = held(bed, 10, 2, Duration.ofDays(1));
        Held ahead = held(bed, 10, 2, Duration.ofDays(-5));
        for (Held meeting : List.of(first, second, ahead)) {
            bed.jdbc.update("UPDATE meeting SET series_id = ? WHERE id = ?", series, meeting.id());
        }
        attendance.markPresent(bed.staff, first.id(), first.confirmed().get(0).id());
        attendance.markPresent(bed.staff, first.id(), first.confirmed().get(1).id());
        attendance.markPresent(bed.staff, first.id(), first.confirmed().get(2).id());
        attendance.markPresent(bed.staff, second.id(), second.confirmed().get(0).id());
        attendance.addWalkIn(bed.staff, second.id(), new Attendance.WalkIn("Zoé", null, null), "fr");

        MeetingFigures figures = catalog.figuresOfSeries(series);

        assertThat(figures).isEqualTo(new MeetingFigures(2, 6, 4, 1));
        assertThat(figures.ratePercent()).isEqualTo(67);
        assertThat(catalog.figuresOfTerritory(bed.department).registered()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aFacilitatorOfTheAreaRunsTheDoorAndOthersAreRefused() throws Exception {
        Held meeting = held(bed, 5, 1, Duration.ofMinutes(10));
        AgoraUser ofTheArea = bed.facilitatorOf(bed.north);
        AgoraUser elsewhere = bed.facilitatorOf(bed.south);
        AgoraUser participant = bed.people.participant();

        mvc.perform(get("/meetings/{id}/check-in", meeting.id()).with(as(ofTheArea))).andExpect(status().isOk());
        mvc.perform(get("/meetings/{id}/check-in", meeting.id()).with(as(elsewhere))).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/check-in", meeting.id()).with(as(participant))).andExpect(status().isForbidden());
        mvc.perform(post("/meetings/{id}/check-in/present", meeting.id()).with(as(elsewhere)).with(csrf())
                .param("registration", "" + meeting.confirmed().get(0).id())).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/{id}/check-in", 999_999_999L).with(as(bed.staff))).andExpect(status().isNotFound());
        assertThat(attendance.figures(meeting.id()).presentRegistered()).isZero();
    }

    @Test
    void aWalkInWithoutANameIsRefusedWithAMessage() throws Exception {
        Held meeting = held(bed, 5, 1, Duration.ofMinutes(10));

        mvc.perform(post("/meetings/{id}/check-in/walk-ins", meeting.id()).param("name", " ").param("email", "pas-une-adresse")
                        .with(as(bed.staff)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez un nom")));
        assertThat(attendance.figures(meeting.id()).walkIns()).isZero();
    }
}
