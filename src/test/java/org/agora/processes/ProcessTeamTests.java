package org.agora.processes;

import java.time.LocalDate;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProcessTeamTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired ProcessManagement management;
    @Autowired Processes processes;
    @Autowired TerritoryDirectory territories;
    @Autowired ApplicationContext context;

    People people;
    AgoraUser administrator;
    long processId;
    long otherProcessId;

    @BeforeEach
    void aProcessInLoiret() {
        new TerritoryFixtures(context).loadCentreValDeLoire();
        people = new People(accounts);
        administrator = people.administrator();
        long loiret = territories.findByCode(TerritoryKind.DEPARTEMENT, "45").orElseThrow().id();
        var fixtures = new ProcessFixtures(management, processes, administrator);
        processId = fixtures.draft("Budget des lycées " + System.nanoTime(), loiret, LocalDate.now(), LocalDate.now().plusDays(30)).id();
        otherProcessId = fixtures.draft("Autre démarche " + System.nanoTime(), loiret, LocalDate.now(), LocalDate.now().plusDays(30)).id();
    }

    @Test
    void aManagerAddsAFacilitatorWhoseRoleHoldsForThisProcessOnly() throws Exception {
        AgoraUser volunteer = people.participant();

        mvc.perform(post("/admin/processes/" + processId + "/team").with(csrf()).with(as(administrator))
                        .param("email", volunteer.email()).param("role", "FACILITATOR"))
                .andExpect(redirectedUrl("/admin/processes/" + processId));

        AgoraUser now = accounts.find(volunteer.id()).orElseThrow();
        assertThat(now.holds(Role.FACILITATOR, RoleScope.process(processId))).isTrue();
        assertThat(now.holds(Role.FACILITATOR, RoleScope.process(otherProcessId))).isFalse();
        mvc.perform(get("/admin/processes/" + processId).with(as(administrator)))
                .andExpect(content().string(containsString(volunteer.pseudonym())))
                .andExpect(content().string(containsString("Membre ajouté à l&#39;équipe")));
        mvc.perform(get("/admin/processes/" + otherProcessId).with(as(administrator)))
                .andExpect(content().string(not(containsString(volunteer.pseudonym()))));
    }

    @Test
    void processStaffRunTheirProcessButNotAnother() throws Exception {
        AgoraUser processStaff = people.participant();
        accounts.grant(administrator.id(), processStaff.id(), new RoleGrant(Role.STAFF, RoleScope.process(processId)));
        AgoraUser staff = accounts.find(processStaff.id()).orElseThrow();

        mvc.perform(get("/admin/processes/" + processId).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/admin/processes/" + otherProcessId).with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/processes/" + otherProcessId + "/team").with(csrf()).with(as(staff))
                .param("email", staff.email()).param("role", "STAFF")).andExpect(status().isForbidden());
        assertThat(accounts.find(staff.id()).orElseThrow().holds(Role.STAFF, RoleScope.process(otherProcessId))).isFalse();
    }

    @Test
    void badAdditionsAreRefusedNextToTheFieldAndGrantNothing() throws Exception {
        for (String[] input : new String[][] {{"", "STAFF"}, {"pas-une-adresse", "STAFF"}, {"x".repeat(300) + "@example.org", "STAFF"},
                {"<script>alert(1)</script>@example.org", "STAFF"}, {"inconnu@example.org", "STAFF"}, {"someone@example.org", "ADMINISTRATOR"},
                {"someone@example.org", "<b>"}}) {
            mvc.perform(post("/admin/processes/" + processId + "/team").with(csrf()).with(as(administrator))
                            .param("email", input[0]).param("role", input[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("team-email-error")))
                    .andExpect(content().string(not(containsString("<script>alert(1)"))));
        }
        assertThat(accounts.assignmentsIn(RoleScope.process(processId))).isEmpty();
    }

    @Test
    void aMemberIsRemovedAndTheRemovalIsInTheHistory() throws Exception {
        AgoraUser moderator = people.participant();
        accounts.grant(administrator.id(), moderator.id(), new RoleGrant(Role.MODERATOR, RoleScope.process(processId)));
        long assignment = accounts.assignmentsIn(RoleScope.process(processId)).get(0).id();

        mvc.perform(post("/admin/processes/" + otherProcessId + "/team/" + assignment + "/revoke").with(csrf()).with(as(administrator)))
                .andExpect(redirectedUrl("/admin/processes/" + otherProcessId));
        assertThat(accounts.assignmentsIn(RoleScope.process(processId))).hasSize(1);

        mvc.perform(post("/admin/processes/" + processId + "/team/" + assignment + "/revoke").with(csrf()).with(as(administrator)))
                .andExpect(redirectedUrl("/admin/processes/" + processId));
        assertThat(accounts.assignmentsIn(RoleScope.process(processId))).isEmpty();
        mvc.perform(get("/admin/processes/" + processId).with(as(administrator)))
                .andExpect(content().string(containsString("Membre retiré de l&#39;équipe")));
    }

    @Test
    void aParticipantCannotTouchATeam() throws Exception {
        AgoraUser participant = people.participant();
        mvc.perform(post("/admin/processes/" + processId + "/team").with(csrf()).with(as(participant))
                .param("email", participant.email()).param("role", "STAFF")).andExpect(status().isForbidden());
        assertThat(accounts.assignmentsIn(RoleScope.process(processId))).isEmpty();
    }
}
