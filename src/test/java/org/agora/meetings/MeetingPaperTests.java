package org.agora.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.DatabaseTest;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Proposals collected on paper at a meeting, typed in from the meeting by those who manage it. */
@AgoraTest
@DatabaseTest
class MeetingPaperTests {

    static final String BODY = "Une idée recueillie sur papier lors de l’atelier, recopiée telle quelle.";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired ProposalCatalog proposals;

    MeetingTestBed bed;
    ProcessSettings process;
    AgoraUser facilitator;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
        process = new ParticipationProcesses(context, bed.staff).open("Démarche des rencontres", bed.department,
                List.of("Mobilités", "Santé"), null, null);
        facilitator = bed.facilitatorOf(bed.north);
    }

    long fabrik(Long processId) {
        MeetingDetails d = bed.details(MeetingKind.FABRIK, 30, Instant.now().minus(Duration.ofDays(2)));
        return bed.published(new MeetingDetails(null, d.kind(), d.format(), d.title(), d.description(), d.startsAt(),
                d.endsAt(), processId, bed.north, bed.northCommune, d.address(), null, d.organiserName(), false, 30,
                false, null, null));
    }

    @Test
    void aFacilitatorEntersThreeProposalsFromTheirFabrikWhichTheMeetingPageThenLists() throws Exception {
        long meeting = fabrik(process.id().value());
        String page = "/meetings/" + meeting + "/proposals/paper";

        mvc.perform(get(page).with(as(facilitator))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(bed.meeting(meeting).title()),
                        containsString("Démarche des rencontres"), containsString("items[0].title"))));
        mvc.perform(post(page).with(csrf()).with(as(facilitator)).param("rows", "5")
                        .param("items[0].title", "Des navettes vers le marché").param("items[0].body", BODY)
                        .param("items[0].theme", "Mobilités")
                        .param("items[1].title", "Un atelier vélo au collège").param("items[1].body", BODY)
                        .param("items[1].territory", Long.toString(bed.northCommune)).param("items[1].theme", "Mobilités")
                        .param("items[2].title", "Des bancs le long de la rivière").param("items[2].body", BODY)
                        .param("items[2].theme", "Santé"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/meetings/" + meeting));

        List<PublicProposal> collected = proposals.collectedAt(new ResourceRef("meeting", meeting));
        assertThat(collected).extracting(PublicProposal::title).containsExactly("Des navettes vers le marché",
                "Un atelier vélo au collège", "Des bancs le long de la rivière");
        assertThat(collected).extracting(PublicProposal::territoryId).containsExactly(bed.north, bed.northCommune, bed.north);
        assertThat(collected.getFirst().collected().label()).startsWith(bed.meeting(meeting).title() + " — ");
        assertThat(collected.getFirst().collected().path()).isEqualTo("/meetings/" + meeting);
        assertThat(collected.getFirst().collected().collector()).isEqualTo(facilitator.id());

        mvc.perform(get("/meetings/" + meeting)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Des navettes vers le marché"),
                        containsString("href=\"" + collected.get(1).path() + "\""))));
        mvc.perform(get(collected.getFirst().path())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Recueillie lors de"),
                        containsString("href=\"/meetings/" + meeting + "\""), containsString("par " + facilitator.pseudonym()))));

        String minutes = "/meetings/" + meeting + "/compte-rendu";
        mvc.perform(post(minutes + "/edit").param("text", "Trois idées sont sorties de l’atelier.").param("publish", "true")
                .with(as(facilitator)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(minutes)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Des bancs le long de la rivière"), containsString("href=\"" + collected.get(2).path() + "\""))));
    }

    @Test
    void aBrokenBlockStoresNothingAndIsShownWithItsNumber() throws Exception {
        long meeting = fabrik(process.id().value());

        mvc.perform(post("/meetings/" + meeting + "/proposals/paper").with(csrf()).with(as(facilitator)).param("rows", "5")
                        .param("items[0].title", "Une proposition correcte").param("items[0].body", BODY)
                        .param("items[1].title", "").param("items[1].body", BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Proposition 2")));
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).isEmpty();
    }

    @Test
    void aCsvWithAnErrorImportsNothingAndShowsTheLineThenAGoodOneIsImported() throws Exception {
        long meeting = fabrik(process.id().value());
        String csv = "titre;texte;theme\nDes pistes cyclables;" + BODY + ";Mobilités\n;" + BODY + ";Santé\n";

        mvc.perform(multipart("/meetings/" + meeting + "/proposals/paper/csv").file(file(csv)).with(csrf()).with(as(facilitator))
                        .param("confirm", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ligne 3")));
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).isEmpty();

        String good = "titre;texte;theme\nDes pistes cyclables;" + BODY + ";Mobilités\nUn jardin partagé;" + BODY + ";Santé\n";
        mvc.perform(multipart("/meetings/" + meeting + "/proposals/paper/csv").file(file(good)).with(csrf()).with(as(facilitator)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Un jardin partagé")));
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).isEmpty();
        mvc.perform(multipart("/meetings/" + meeting + "/proposals/paper/csv").file(file(good)).with(csrf()).with(as(facilitator))
                        .param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).extracting(PublicProposal::title)
                .containsExactly("Des pistes cyclables", "Un jardin partagé");
    }

    @Test
    void aFacilitatorOfAnotherAreaOrAParticipantIsRefused() throws Exception {
        long meeting = fabrik(process.id().value());
        String page = "/meetings/" + meeting + "/proposals/paper";

        mvc.perform(get(page).with(as(bed.facilitatorOf(bed.south)))).andExpect(status().isForbidden());
        mvc.perform(post(page).with(csrf()).with(as(bed.facilitatorOf(bed.south))).param("rows", "1")
                .param("items[0].title", "Intrus").param("items[0].body", BODY)).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as(bed.people.participant()))).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/999999999/proposals/paper").with(as(bed.staff))).andExpect(status().isNotFound());
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).isEmpty();
    }

    @Test
    void aMeetingWithoutProcessAsksForAPublishedOne() throws Exception {
        long meeting = fabrik(null);
        String page = "/meetings/" + meeting + "/proposals/paper";

        mvc.perform(get(page).with(as(facilitator))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"process\""), containsString("Démarche des rencontres"))));
        mvc.perform(get(page).param("process", "abc").with(as(facilitator))).andExpect(status().isBadRequest());
        mvc.perform(post(page).with(csrf()).with(as(facilitator)).param("rows", "1")
                .param("items[0].title", "Sans démarche").param("items[0].body", BODY)).andExpect(status().isBadRequest());
        mvc.perform(post(page).param("process", Long.toString(process.id().value())).with(csrf()).with(as(facilitator))
                        .param("rows", "1").param("items[0].title", "Avec une démarche choisie").param("items[0].body", BODY)
                        .param("items[0].theme", "Santé"))
                .andExpect(status().is3xxRedirection());
        assertThat(proposals.collectedAt(new ResourceRef("meeting", meeting))).extracting(PublicProposal::processId)
                .containsExactly(process.id());
    }

    static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "fabrik.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
