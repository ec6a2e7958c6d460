package org.agora.moderation;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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

/** The moderators' queue and decisions: who sees which cases, and what hiding, restoring and dismissing do. */
@AgoraTest
@Import(ModerationTestSetup.class)
@RecordApplicationEvents
class ModerationCaseTests {

    /** Process ids of their own, so that each test's queue holds its own cases only. */
    private static final AtomicLong PROCESSES = new AtomicLong(710_000);

    @Autowired MockMvc mvc;
    @Autowired People people;
    @Autowired ModerationTestSetup.TestNotes notes;
    @Autowired ModerationManagement management;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired ApplicationContext context;

    AgoraUser moderatorOf(long processId) {
        return people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.process(processId)));
    }

    AgoraUser globalModerator() {
        return people.someone("moderatrice", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
    }

    /** A note of this process reported by {@code reports} different people; answers the note. */
    ResourceRef reported(long processId, String text, int reports) {
        ResourceRef note = notes.write(people.participant().id(), processId, text);
        for (int i = 0; i < reports; i++) {
            management.report(people.participant().id(), note, ModerationReason.OFF_TOPIC, null);
        }
        return note;
    }

    long caseOf(ResourceRef content) {
        return jdbc.queryForObject("SELECT id FROM moderation_case WHERE resource_type = ? AND resource_id = ?",
                Long.class, content.type(), content.id());
    }

    String caseStatus(ResourceRef content) {
        return jdbc.queryForObject("SELECT status FROM moderation_case WHERE id = ?", String.class, caseOf(content));
    }

    ResultActions decide(AgoraUser user, ResourceRef content, String decision, String... params) throws Exception {
        var request = post("/admin/moderation/cases/{id}/" + decision, caseOf(content)).with(csrf()).with(as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    long logged(ModerationAction action, ResourceRef content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM moderation_action WHERE action = ? AND resource_type = ? "
                + "AND resource_id = ?", Long.class, action.name(), content.type(), content.id());
    }

    @Test
    void theGlobalQueueListsOpenCasesWithTheirReportsAndAProcessQueueOnlyThatProcess() throws Exception {
        long process = PROCESSES.incrementAndGet();
        long other = PROCESSES.incrementAndGet();
        reported(process, "Texte signalé dans la première démarche", 2);
        reported(other, "Texte signalé dans la seconde démarche", 1);
        AgoraUser moderator = globalModerator();

        mvc.perform(get("/admin/moderation").with(as(moderator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Texte signalé dans la première démarche")))
                .andExpect(content().string(containsString("Texte signalé dans la seconde démarche")))
                .andExpect(content().string(containsString("Hors sujet : 2")));
        mvc.perform(get("/admin/moderation").param("process", String.valueOf(process)).with(as(moderator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Texte signalé dans la première démarche")))
                .andExpect(content().string(not(containsString("Texte signalé dans la seconde démarche"))));
    }

    @Test
    void aProcessModeratorSeesAndHandlesThatProcessOnly() throws Exception {
        long process = PROCESSES.incrementAndGet();
        long other = PROCESSES.incrementAndGet();
        reported(process, "Signalé chez moi", 1);
        ResourceRef elsewhere = reported(other, "Signalé ailleurs", 1);
        AgoraUser moderator = moderatorOf(process);

        mvc.perform(get("/admin/moderation").with(as(moderator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signalé chez moi")))
                .andExpect(content().string(not(containsString("Signalé ailleurs"))));
        mvc.perform(get("/admin/moderation").param("process", String.valueOf(other)).with(as(moderator)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation/cases/{id}", caseOf(elsewhere)).with(as(moderator)))
                .andExpect(status().isForbidden());
        decide(moderator, elsewhere, "hide", "reason", "SPAM").andExpect(status().isForbidden());
        assertThat(notes.hidden(elsewhere)).isFalse();
    }

    @Test
    void aModeratorScopedToATerritoryModeratesTheProcessesWithinIt() throws Exception {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;MOD1;Région modérée;;
                DEPARTEMENT;MOD11;Département modéré;MOD1;
                REGION;MOD9;Région voisine modérée;;
                """);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        long department = territories.findByCode(TerritoryKind.DEPARTEMENT, "MOD11").orElseThrow().id();
        long neighbour = territories.findByCode(TerritoryKind.REGION, "MOD9").orElseThrow().id();
        ProcessSettings process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Démarche départementale", department, List.of(), null, null);
        ResourceRef content = reported(process.id().value(), "Signalé dans le département", 1);

        AgoraUser inside = people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.territory(department)));
        AgoraUser outside = people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.territory(neighbour)));

        mvc.perform(get("/admin/moderation").with(as(inside)))
                .andExpect(content().string(containsString("Signalé dans le département")))
                .andExpect(content().string(containsString("Démarche départementale")));
        mvc.perform(get("/admin/moderation").with(as(outside)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Signalé dans le département"))));
        mvc.perform(get("/admin/moderation/cases/{id}", caseOf(content)).with(as(outside))).andExpect(status().isForbidden());
    }

    @Test
    void participantsAndStaffWithoutTheModeratorRoleCannotOpenTheQueue() throws Exception {
        mvc.perform(get("/admin/moderation").with(as(people.participant()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation").with(as(people.staff(RoleScope.GLOBAL)))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation").with(as(people.administrator()))).andExpect(status().isOk());
    }

    @Test
    void moderatorsFindTheirQueueFromTheAdministrationHome() throws Exception {
        mvc.perform(get("/admin").with(as(moderatorOf(PROCESSES.incrementAndGet()))))
                .andExpect(content().string(containsString("href=\"/admin/moderation\"")));
        mvc.perform(get("/admin").with(as(people.staff(RoleScope.GLOBAL))))
                .andExpect(content().string(not(containsString("href=\"/admin/moderation\""))));
    }

    @Test
    void hidingFromTheCaseTellsTheAuthorClosesTheCaseAndIsLogged() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = reported(process, "Un texte hors sujet", 1);
        AgoraUser moderator = moderatorOf(process);

        decide(moderator, content, "hide", "reason", "OFF_TOPIC", "note", "Parle d’autre chose")
                .andExpect(redirectedUrl("/admin/moderation/cases/" + caseOf(content)))
                .andExpect(flash().attribute("flash", "moderation.flash.hidden"));

        assertThat(notes.hiddenReason(content)).isEqualTo(ModerationReason.OFF_TOPIC);
        assertThat(caseStatus(content)).isEqualTo("CLOSED");
        assertThat(events.stream(ContentHidden.class).filter(hidden -> hidden.resource().equals(content)))
                .singleElement().satisfies(hidden -> {
                    assertThat(hidden.automatic()).isFalse();
                    assertThat(hidden.reason()).isEqualTo(ModerationReason.OFF_TOPIC);
                });
        assertThat(jdbc.queryForObject("SELECT note FROM moderation_action WHERE action = 'HIDE' AND resource_id = ?",
                String.class, content.id())).isEqualTo("Parle d’autre chose");

        decide(moderator, content, "hide", "reason", "OFF_TOPIC")
                .andExpect(flash().attribute("flash", "moderation.flash.unchanged"));
        assertThat(logged(ModerationAction.HIDE, content)).isEqualTo(1);
    }

    @Test
    void confirmingAnAutomaticHidingSetsTheModeratorsReason() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = reported(process, "Caché après trois signalements", 3);
        assertThat(notes.hiddenReason(content)).isEqualTo(ModerationReason.OFF_TOPIC);

        decide(moderatorOf(process), content, "hide", "reason", "OFFENSIVE").andExpect(status().is3xxRedirection());

        assertThat(notes.hiddenReason(content)).isEqualTo(ModerationReason.OFFENSIVE);
        assertThat(caseStatus(content)).isEqualTo("CLOSED");
    }

    @Test
    void restoringShowsTheContentAgainAndSaysSo() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = reported(process, "Caché à tort", 3);

        decide(moderatorOf(process), content, "restore").andExpect(flash().attribute("flash", "moderation.flash.restored"));

        assertThat(notes.hidden(content)).isFalse();
        assertThat(caseStatus(content)).isEqualTo("CLOSED");
        assertThat(events.stream(ContentRestored.class).filter(restored -> restored.resource().equals(content))).hasSize(1);
        assertThat(logged(ModerationAction.RESTORE, content)).isEqualTo(1);
    }

    @Test
    void dismissingClosesTheCaseAndShowsContentHiddenPendingReview() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = reported(process, "Signalé par erreur", 3);
        AgoraUser moderator = moderatorOf(process);

        decide(moderator, content, "dismiss", "note", "Rien à redire").andExpect(flash().attribute("flash", "moderation.flash.dismissed"));

        assertThat(notes.hidden(content)).isFalse();
        assertThat(caseStatus(content)).isEqualTo("CLOSED");
        assertThat(logged(ModerationAction.DISMISS, content)).isEqualTo(1);
        mvc.perform(get("/admin/moderation").param("process", String.valueOf(process)).with(as(moderator)))
                .andExpect(content().string(not(containsString("Signalé par erreur"))));

        // Someone else's report opens the case again, counting from one.
        management.report(people.participant().id(), content, ModerationReason.SPAM, null);
        assertThat(caseStatus(content)).isEqualTo("OPEN");
        assertThat(notes.hidden(content)).isFalse();
    }

    @Test
    void aDecisionWithoutReasonIsRefusedNextToTheFormAndUnknownCasesAreNotFound() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = reported(process, "Sans motif", 1);
        AgoraUser moderator = moderatorOf(process);

        decide(moderator, content, "hide", "reason", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le motif du masquage.")));
        decide(moderator, content, "hide", "reason", "SPAM", "note", "x".repeat(1001)).andExpect(status().isBadRequest());
        assertThat(notes.hidden(content)).isFalse();

        mvc.perform(get("/admin/moderation/cases/{id}", 999_999_999L).with(as(moderator))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/moderation/cases/{id}/dismiss", 999_999_999L).with(csrf()).with(as(moderator)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/moderation").param("process", "abc").with(as(moderator))).andExpect(status().isBadRequest());
    }

    @Test
    void theCasePageShowsTheTextAsWrittenAndTheReports() throws Exception {
        long process = PROCESSES.incrementAndGet();
        ResourceRef content = notes.write(people.participant().id(), process, "Le texte d’origine");
        management.report(people.participant().id(), content, ModerationReason.OTHER, "Ce texte cite un voisin");

        mvc.perform(get("/admin/moderation/cases/{id}", caseOf(content)).with(as(moderatorOf(process))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Le texte d’origine")))
                .andExpect(content().string(containsString("Ce texte cite un voisin")))
                .andExpect(content().string(containsString("/test-notes/" + content.id())));
    }
}
