package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class MeetingPagesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    @Test
    void listsPublicMeetingsOfATerritoryButNotThoseByInvitation() throws Exception {
        MeetingDetails open = bed.details(MeetingKind.TOUR_STOP, null, Instant.now().plus(Duration.ofDays(3)));
        bed.published(open);
        MeetingDetails d = bed.details(MeetingKind.TOUR_STOP, null, Instant.now().plus(Duration.ofDays(3)));
        MeetingDetails invited = new MeetingDetails(null, d.kind(), d.format(), d.title(), d.description(), d.startsAt(),
                d.endsAt(), null, bed.north, bed.northCommune, d.address(), d.onlineUrl(), d.organiserName(), true, null,
                true, null, null);
        long invitedId = bed.published(invited);

        mvc.perform(get("/meetings").param("territory", Long.toString(bed.department)).param("kind", "tour_stop"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(open.title())))
                .andExpect(content().string(not(containsString(invited.title()))));
        mvc.perform(get("/meetings/" + invitedId)).andExpect(status().isOk())
                .andExpect(content().string(containsString(invited.title())));
        mvc.perform(get("/meetings/" + invitedId + "/register")).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + invitedId + "/register").param("invitation", bed.meeting(invitedId).invitationToken()))
                .andExpect(status().isOk());
        mvc.perform(get("/meetings").param("territory", "abc")).andExpect(status().isBadRequest());
    }

    @Test
    void showsTheSeatsLeftOnlyWhileTheMeetingIsAhead() throws Exception {
        long ahead = bed.published(bed.details(MeetingKind.SEMINAR, 40, Instant.now().plus(Duration.ofDays(5))));
        long past = bed.published(bed.details(MeetingKind.SEMINAR, 40, Instant.now().minus(Duration.ofDays(5))));

        mvc.perform(get("/meetings/" + ahead)).andExpect(content().string(containsString("place(s) libre(s) sur 40")));
        mvc.perform(get("/meetings/" + past)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("place(s) libre(s)"))));
    }

    @Test
    void showsTheOnlineLinkOnlyToConfirmedRegistrantsAndStaff() throws Exception {
        long meeting = bed.publishedMeeting(1);
        String link = bed.meeting(meeting).onlineUrl();
        AgoraUser seated = bed.people.participant();
        AgoraUser waiting = bed.people.participant();
        bed.register(meeting, seated);
        bed.register(meeting, waiting);

        mvc.perform(get("/meetings/" + meeting)).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/meetings/" + meeting).with(as(waiting))).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/meetings/" + meeting).with(as(seated))).andExpect(content().string(containsString(link)));
        mvc.perform(get("/meetings/" + meeting).with(as(bed.staff))).andExpect(content().string(containsString(link)));
    }

    @Test
    void registersFromThePageAndRefusesClosedMeetingsWithAClientError() throws Exception {
        long meeting = bed.publishedMeeting(10);
        AgoraUser someone = bed.people.participant();
        long draft = bed.management.create(bed.staff, bed.details(MeetingKind.SEMINAR, null, Instant.now().plus(Duration.ofDays(3))));
        long cancelled = bed.publishedMeeting(null);
        bed.management.cancel(bed.staff, cancelled);

        mvc.perform(post("/meetings/" + meeting + "/register").with(csrf()).with(as(someone)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/meetings/" + meeting + "/register").with(csrf()).with(as(someone)))
                .andExpect(status().is3xxRedirection());
        assertThat(bed.statuses(meeting)).containsExactly("CONFIRMED");
        mvc.perform(post("/meetings/" + draft + "/register").with(csrf()).with(as(someone))).andExpect(status().isNotFound());
        mvc.perform(post("/meetings/" + cancelled + "/register").with(csrf()).with(as(someone)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("annulée")));
        mvc.perform(get("/meetings/" + meeting + "/registration/qr.png").with(as(someone)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get("/meetings/" + meeting + "/registration/qr.png").with(as(bed.people.participant())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGuestWithoutNameOrAddressIsToldNextToTheFields() throws Exception {
        long meeting = bed.publishedMeeting(10);

        mvc.perform(post("/meetings/" + meeting + "/register").with(csrf()).param("name", "").param("email", "pas-une-adresse"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("id=\"email-error\"")));
    }

    @Test
    void aFacilitatorMayCreateAFabrikInTheirAreaButNotElsewhereNorASeminar() throws Exception {
        AgoraUser facilitator = bed.facilitatorOf(bed.north);

        mvc.perform(post("/admin/meetings").with(csrf()).with(as(facilitator)).params(form("FABRIK", bed.north)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/meetings").with(csrf()).with(as(facilitator)).params(form("FABRIK", bed.south)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/meetings").with(csrf()).with(as(facilitator)).params(form("SEMINAR", bed.north)))
                .andExpect(status().isForbidden());
        long seminar = bed.publishedMeeting(null);
        mvc.perform(get("/admin/meetings/" + seminar).with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/meetings/series").with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/meetings").with(as(bed.people.participant()))).andExpect(status().isForbidden());
    }

    @Test
    void staffSeeRegistrationsWithAnswersAndNeedsAndExportThem() throws Exception {
        long meeting = bed.publishedMeeting(null);
        bed.management.addQuestion(bed.staff, meeting, QuestionKind.TEXT, "Votre association", false, "");
        long question = bed.meetings.questions(meeting).get(0).id();
        AgoraUser someone = bed.people.participant();
        mvc.perform(post("/meetings/" + meeting + "/register").with(csrf()).with(as(someone))
                .param("q" + question, "=Les amis du bourg").param("accessibilityNeeds", "Boucle magnétique"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/admin/meetings/" + meeting + "/registrations").with(as(bed.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Boucle magnétique")))
                .andExpect(content().string(containsString("=Les amis du bourg")));
        mvc.perform(get("/admin/meetings/" + meeting + "/registrations.csv").with(as(bed.staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"'=Les amis du bourg\"")));
        mvc.perform(get("/meetings/" + meeting)).andExpect(content().string(not(containsString("Boucle magnétique"))));
    }

    @Test
    void servesTheCalendarOfAMeeting() throws Exception {
        long meeting = bed.publishedMeeting(null);

        mvc.perform(get("/meetings/" + meeting + ".ics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/calendar;charset=utf-8"))
                .andExpect(content().string(containsString("UID:meeting-" + meeting + "@")));
    }

    @Test
    void remindsEachConfirmedRegistrantOnce() {
        long meeting = bed.published(bed.details(MeetingKind.SEMINAR, null, Instant.now().plus(Duration.ofHours(20))));
        bed.register(meeting, bed.people.participant());
        MeetingReminders reminders = context.getBean(MeetingReminders.class);

        int first = reminders.sendDue(Instant.now());
        int second = reminders.sendDue(Instant.now());

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_registration WHERE meeting_id = ? AND "
                + "reminder_sent_at IS NOT NULL", Integer.class, meeting)).isEqualTo(1);
    }

    @Test
    void aTourSeriesShowsWhichLivingAreasHaveAStopAndTheSitemapListsItsPages() throws Exception {
        String slug = "tournee-" + System.nanoTime();
        long series = bed.meetings.insertSeries(slug, SeriesKind.CITIZEN_TOUR, "Tournée de test", "Une tournée.", null);
        MeetingDetails d = bed.details(MeetingKind.TOUR_STOP, null, Instant.now().plus(Duration.ofDays(6)));
        long stop = bed.published(new MeetingDetails(series, d.kind(), d.format(), d.title(), d.description(),
                d.startsAt(), d.endsAt(), null, bed.north, bed.northCommune, d.address(), d.onlineUrl(),
                d.organiserName(), false, null, true, null, null));

        String page = mvc.perform(get("/meetings/series/" + slug)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String covered = page.substring(page.indexOf("Bassins de vie avec une rencontre</h3>"),
                page.indexOf("Bassins de vie sans rencontre"));
        String notYet = page.substring(page.indexOf("Bassins de vie sans rencontre"));
        assertThat(covered).contains("Bassin du Nord").doesNotContain("Bassin du Sud");
        assertThat(notYet).contains("Bassin du Sud");
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("/meetings/" + stop + "<")))
                .andExpect(content().string(containsString("/meetings/series/" + slug + "<")));
        mvc.perform(get("/meetings/series/" + slug + ".ics"))
                .andExpect(content().string(containsString("UID:meeting-" + stop + "@")));
    }

    @Test
    void filtersByDatesAndShowsPastMeetingsApart() throws Exception {
        MeetingDetails soon = bed.details(MeetingKind.WEBINAR, null, Instant.parse("2031-05-04T10:00:00Z"));
        MeetingDetails later = bed.details(MeetingKind.WEBINAR, null, Instant.parse("2031-06-04T10:00:00Z"));
        bed.published(soon);
        bed.published(later);

        mvc.perform(get("/meetings").param("kind", "WEBINAR").param("from", "2031-05-01").param("to", "2031-05-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(soon.title())))
                .andExpect(content().string(not(containsString(later.title()))));
        mvc.perform(get("/meetings").param("past", "true").param("kind", "WEBINAR"))
                .andExpect(content().string(not(containsString(soon.title()))));
        mvc.perform(get("/meetings").param("from", "31/05/2031")).andExpect(status().isBadRequest());
    }

    private org.springframework.util.MultiValueMap<String, String> form(String kind, long territory) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("kind", kind);
        form.add("format", "IN_PERSON");
        form.add("title", "Fabrik des mobilités");
        form.add("description", "Un atelier pour imaginer les mobilités du bassin.");
        form.add("startsAt", "2030-03-28T18:30");
        form.add("endsAt", "2030-03-28T21:00");
        form.add("territory", Long.toString(territory));
        form.add("address", "Salle des fêtes");
        form.add("commune", "99601");
        form.add("organiserName", "Les animateurs du bassin");
        form.add("registrationEnabled", "true");
        return form;
    }
}
