package org.agora.programmes;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Object-level roles: a reviewer sees only assigned applications, an applicant only its organisation's, staff all. */
@AgoraTest
@Import(ProgrammesTestSetup.class)
class ProgrammeAccessTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    ProgrammeTestBed bed;
    AgoraUser member;
    AgoraUser otherMember;
    AgoraUser expert;
    long application;
    long otherApplication;

    @BeforeEach
    void setUp() {
        bed = new ProgrammeTestBed(context);
        long call = bed.openCall(CallKind.PROJECTS);
        member = bed.people.participant();
        otherMember = bed.people.participant();
        expert = bed.people.participant();
        application = bed.submitted(call, member, 5_000_00L);
        otherApplication = bed.submitted(call, otherMember, 6_000_00L);
        bed.reviews.assign(bed.staff, application, expert.email(), false);
    }

    @Test
    void anApplicantSeesItsOrganisationsApplicationAndNotAnothers() throws Exception {
        mvc.perform(get("/programmes/candidatures/" + application).with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/programmes/candidatures/" + otherApplication).with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/candidatures").with(as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Projet " + application)))
                .andExpect(content().string(not(containsString("Projet " + otherApplication))));
        mvc.perform(post("/programmes/candidatures/" + otherApplication + "/retirer").with(as(member)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/programmes/candidatures/" + application).with(as(member))).andExpect(status().isForbidden());
    }

    @Test
    void aReviewerSeesOnlyTheApplicationsAssignedToThem() throws Exception {
        mvc.perform(get("/programmes/evaluations/" + application).with(as(expert))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Conflit d’intérêts")));
        mvc.perform(get("/programmes/evaluations/" + otherApplication).with(as(expert))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/candidatures/" + otherApplication).with(as(expert))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/candidatures/" + application).with(as(expert)))
                .andExpect(redirectedUrl("/programmes/evaluations/" + application));
        mvc.perform(post("/programmes/candidatures/" + application + "/messages").param("text", "Bonjour")
                .with(as(expert)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aParticipantSeesNothingOfOthersApplications() throws Exception {
        AgoraUser someone = bed.people.participant();
        mvc.perform(get("/programmes/candidatures/" + application).with(as(someone))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/evaluations/" + application).with(as(someone))).andExpect(status().isNotFound());
        mvc.perform(get("/programmes/candidatures/" + application + "/decision.pdf").with(as(someone)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/programmes").with(as(someone))).andExpect(status().isForbidden());
        mvc.perform(get("/programmes/candidatures/" + application)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void staffSeeEveryApplicationAndTheDashboard() throws Exception {
        mvc.perform(get("/admin/programmes/candidatures/" + application).with(as(bed.staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/programmes/candidatures/" + otherApplication).with(as(bed.staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/programmes").with(as(bed.staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Candidatures reçues")));
        mvc.perform(get("/programmes/candidatures/" + application).with(as(bed.staff))).andExpect(status().isOk());
    }

    @Test
    void badInputIsAFieldMessageAndA400() throws Exception {
        mvc.perform(post("/admin/programmes/appels").param("kind", "PROJECTS").param("title", "")
                        .param("description", "x").param("territoryId", Long.toString(bed.region))
                        .param("eligible", "COMMUNE").param("opensAt", "2026-03-29T02:30").param("closesAt", "2026-03-01T12:00")
                        .param("selections", "2").param("rate", "150").param("cap", "-20").param("days", "5")
                        .with(as(bed.staff)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Donnez un titre")))
                .andExpect(content().string(containsString("La clôture doit suivre l’ouverture.")))
                .andExpect(content().string(containsString("Indiquez un taux entier de 0 à 100.")));
        mvc.perform(post("/admin/programmes/candidatures/" + application + "/decision").param("decision", "RETAINED")
                .param("reason", "").with(as(bed.staff)).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void theDraftIsSavedInTheBackgroundAsItIsTyped() throws Exception {
        long call = bed.openCall(CallKind.PROJECTS);
        AgoraUser writer = bed.people.participant();
        long draft = bed.applications.start(writer, call, bed.organisation("Commune qui tape", writer));
        mvc.perform(post("/programmes/candidatures/" + draft).header("X-Autosave", "1").param("title", "Titre tapé")
                .param("eligibleCost", "4 200").with(as(writer)).with(csrf())).andExpect(status().isNoContent());
        org.assertj.core.api.Assertions.assertThat(bed.applications.require(draft).eligibleCostCents()).isEqualTo(4_200_00L);
        mvc.perform(post("/programmes/candidatures/" + draft).header("X-Autosave", "1").param("title", "Titre tapé")
                .param("eligibleCost", "-1").with(as(writer)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/programmes/candidatures/" + draft).header("X-Autosave", "1").param("title", "Intrus")
                .with(as(otherMember)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void publicPagesListTheCallsAndAreInTheSitemap() throws Exception {
        long call = bed.applications.require(application).callId();
        mvc.perform(get("/programmes")).andExpect(status().isOk())
                .andExpect(content().string(containsString(bed.calls.require(call).title())));
        mvc.perform(get("/programmes/appels/" + call)).andExpect(status().isOk());
        mvc.perform(get("/programmes/projets/" + application)).andExpect(status().isNotFound());
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("/programmes/appels/" + call + "</loc>")));
        mvc.perform(get("/chiffres")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Programmes d’accompagnement des territoires")))
                .andExpect(content().string(containsString("Candidatures reçues")));
    }
}
