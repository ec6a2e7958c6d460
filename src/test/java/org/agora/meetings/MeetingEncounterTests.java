package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.AgoraTest;
import org.agora.DatabaseTest;
import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationId;
import org.agora.organisations.OrganisationKind;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Organisations met at meetings: recorded once per meeting, re-pointed on merges, counted distinct. */
@AgoraTest
@DatabaseTest
class MeetingEncounterTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired MeetingEncounters encounters;
    @Autowired MeetingCounts figures;
    @Autowired OrganisationDirectory organisations;

    MeetingTestBed bed;
    AgoraUser facilitator;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
        facilitator = bed.facilitatorOf(bed.north);
    }

    long meeting(MeetingKind kind, Long processId, long territoryId, Long communeId, Duration fromNow) {
        MeetingDetails d = bed.details(kind, null, Instant.now().plus(fromNow));
        return bed.published(new MeetingDetails(null, d.kind(), d.format(), d.title(), d.description(), d.startsAt(),
                d.endsAt(), processId, territoryId, communeId, d.address(), null, d.organiserName(), false, null,
                false, null, null));
    }

    long pastFabrik() {
        return meeting(MeetingKind.FABRIK, null, bed.north, bed.northCommune, Duration.ofDays(-3));
    }

    OrganisationId organisation(String name, OrganisationKind kind, long territoryId) {
        return organisations.create(bed.staff, new OrganisationDraft(name + " " + SEQUENCE.incrementAndGet() + "-"
                + System.nanoTime() % 100_000, kind, territoryId, null, null));
    }

    int rows(long meetingId) {
        return bed.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_encounter WHERE meeting_id = ?", Integer.class, meetingId);
    }

    @Test
    void recordingTheSameOrganisationTwiceAtAMeetingIsOneEncounterAndASuccess() throws Exception {
        long fabrik = pastFabrik();
        OrganisationId club = organisation("Club de randonnée", OrganisationKind.ASSOCIATION, bed.northCommune);
        String page = "/admin/meetings/" + fabrik + "/organisations";

        assertThat(encounters.record(facilitator, fabrik, club, "Rencontré à l’accueil")).isTrue();
        assertThat(encounters.record(facilitator, fabrik, club, "Une autre note")).isFalse();
        mvc.perform(post(page).with(csrf()).with(as(facilitator)).param("organisation", Long.toString(club.value())))
                .andExpect(status().is3xxRedirection());

        assertThat(rows(fabrik)).isEqualTo(1);
        assertThat(encounters.of(fabrik)).singleElement().satisfies(encounter -> {
            assertThat(encounter.note()).isEqualTo("Rencontré à l’accueil");
            assertThat(encounter.recordedBy()).isEqualTo(facilitator.id().value());
        });
        mvc.perform(get("/meetings/" + fabrik)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(organisations.find(club).orElseThrow().name()),
                        containsString("Association"))));
    }

    @Test
    void aFacilitatorSearchesCreatesOnTheSpotAndRemovesButNotAtAnotherAreasMeeting() throws Exception {
        long fabrik = pastFabrik();
        OrganisationId school = organisation("Lycée des métiers", OrganisationKind.SCHOOL, bed.northCommune);
        String name = organisations.find(school).orElseThrow().name();
        String page = "/admin/meetings/" + fabrik + "/organisations";

        mvc.perform(get(page).param("q", "lycée des").with(as(facilitator))).andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get(page).param("q", "lycée des").param("where", "anywhere").with(as(facilitator)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        mvc.perform(post(page + "/new").with(csrf()).with(as(facilitator)).param("name", "")
                        .param("kind", "ASSOCIATION").param("territory", Long.toString(bed.northCommune)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("href=\"#new-name\"")));
        String created = "Amicale des pêcheurs " + System.nanoTime();
        mvc.perform(post(page + "/new").with(csrf()).with(as(facilitator)).param("name", created)
                        .param("kind", "ASSOCIATION").param("territory", Long.toString(bed.northCommune))
                        .param("note", "Souhaite être invitée à la prochaine Fabrik"))
                .andExpect(status().is3xxRedirection());
        assertThat(encounters.of(fabrik)).extracting(encounter -> encounter.organisation().name()).containsExactly(created);

        AgoraUser southFacilitator = bed.facilitatorOf(bed.south);
        mvc.perform(get(page).with(as(southFacilitator))).andExpect(status().isForbidden());
        mvc.perform(post(page).with(csrf()).with(as(southFacilitator)).param("organisation", Long.toString(school.value())))
                .andExpect(status().isForbidden());
        long encounter = encounters.of(fabrik).getFirst().id();
        mvc.perform(post(page + "/" + encounter + "/remove").with(csrf()).with(as(southFacilitator)))
                .andExpect(status().isForbidden());
        mvc.perform(post(page).with(csrf()).with(as(facilitator)).param("organisation", "999999999"))
                .andExpect(status().isBadRequest());
        assertThat(rows(fabrik)).isEqualTo(1);

        mvc.perform(post(page + "/" + encounter + "/remove").with(csrf()).with(as(facilitator)))
                .andExpect(status().is3xxRedirection());
        assertThat(rows(fabrik)).isZero();
        mvc.perform(get("/meetings/" + fabrik)).andExpect(content().string(not(containsString(created))));
    }

    @Test
    void mergingTwoOrganisationsRepointsTheirEncountersAndKeepsOnePerMeeting() throws Exception {
        long first = pastFabrik();
        long second = pastFabrik();
        OrganisationId kept = organisation("Maison de quartier", OrganisationKind.ASSOCIATION, bed.northCommune);
        OrganisationId duplicate = organisation("Maison du quartier", OrganisationKind.ASSOCIATION, bed.north);
        encounters.record(bed.staff, first, kept, null);
        encounters.record(bed.staff, first, duplicate, null);
        encounters.record(bed.staff, second, duplicate, "Vue au stand");

        mvc.perform(post("/admin/organisations/" + duplicate.value() + "/merge").with(csrf())
                .with(as(bed.people.administrator())).param("into", Long.toString(kept.value())))
                .andExpect(status().is3xxRedirection());

        assertThat(encounters.of(first)).extracting(encounter -> encounter.organisation().id()).containsExactly(kept);
        assertThat(encounters.of(second)).extracting(encounter -> encounter.organisation().id()).containsExactly(kept);
        assertThat(encounters.of(second).getFirst().note()).isEqualTo("Vue au stand");
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM meeting_encounter WHERE organisation_id = ?",
                Integer.class, duplicate.value())).isZero();
    }

    @Test
    void countsDistinctOrganisationsMetPerProcessTerritoryAndKind() {
        ProcessSettings process = new ParticipationProcesses(context, bed.staff).open("Démarche des structures",
                bed.department, List.of("Mobilités"), null, null);
        long processId = process.id().value();
        MeetingCounts.OrganisationsMet departmentBefore = figures.organisationsMet(MeetingCounts.Scope.territory(bed.department));
        MeetingCounts.OrganisationsMet southBefore = figures.organisationsMet(MeetingCounts.Scope.territory(bed.south));
        long heldBefore = figures.held(MeetingCounts.Scope.territory(bed.department));

        long northStop = meeting(MeetingKind.TOUR_STOP, processId, bed.north, bed.northCommune, Duration.ofDays(-10));
        long southStop = meeting(MeetingKind.TOUR_STOP, processId, bed.southCommune, null, Duration.ofDays(-5));
        long seminar = meeting(MeetingKind.SEMINAR, processId, bed.department, null, Duration.ofDays(-1));
        long cancelled = meeting(MeetingKind.SEMINAR, processId, bed.north, null, Duration.ofDays(-2));
        long elsewhere = meeting(MeetingKind.SEMINAR, null, bed.south, null, Duration.ofDays(-2));
        long upcoming = meeting(MeetingKind.SEMINAR, processId, bed.north, null, Duration.ofDays(5));
        OrganisationId club = organisation("Club sportif", OrganisationKind.ASSOCIATION, bed.northCommune);
        OrganisationId firm = organisation("Menuiserie", OrganisationKind.COMPANY, bed.southCommune);
        OrganisationId school = organisation("Collège", OrganisationKind.SCHOOL, bed.south);
        OrganisationId onlyCancelled = organisation("Association annulée", OrganisationKind.ASSOCIATION, bed.north);
        encounters.record(bed.staff, northStop, club, null);
        encounters.record(bed.staff, southStop, club, null);
        encounters.record(bed.staff, southStop, firm, null);
        encounters.record(bed.staff, seminar, club, null);
        encounters.record(bed.staff, seminar, firm, null);
        encounters.record(bed.staff, cancelled, onlyCancelled, null);
        encounters.record(bed.staff, elsewhere, school, null);
        bed.management.cancel(bed.staff, cancelled);

        MeetingCounts.OrganisationsMet inProcess = figures.organisationsMet(MeetingCounts.Scope.process(processId));
        assertThat(inProcess.distinct()).isEqualTo(2);
        assertThat(inProcess.byKind()).containsEntry(OrganisationKind.ASSOCIATION, 1L)
                .containsEntry(OrganisationKind.COMPANY, 1L).containsEntry(OrganisationKind.SCHOOL, 0L);
        assertThat(figures.held(MeetingCounts.Scope.process(processId))).isEqualTo(3);

        MeetingCounts.OrganisationsMet department = figures.organisationsMet(MeetingCounts.Scope.territory(bed.department));
        assertThat(department.distinct() - departmentBefore.distinct()).isEqualTo(3);
        assertThat(department.byKind().get(OrganisationKind.SCHOOL) - departmentBefore.byKind().get(OrganisationKind.SCHOOL))
                .isEqualTo(1);
        MeetingCounts.OrganisationsMet south = figures.organisationsMet(MeetingCounts.Scope.territory(bed.south));
        assertThat(south.distinct() - southBefore.distinct()).isEqualTo(3);
        assertThat(figures.held(MeetingCounts.Scope.territory(bed.department)) - heldBefore).isEqualTo(4);
        assertThat(upcoming).isPositive();
    }
}
