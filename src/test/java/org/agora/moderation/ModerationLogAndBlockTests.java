package org.agora.moderation;

import java.time.LocalDate;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The action log (administrators only, filterable) and blocking participants. */
@AgoraTest
@Import(ModerationTestSetup.class)
class ModerationLogAndBlockTests {

    @Autowired MockMvc mvc;
    @Autowired People people;
    @Autowired ModerationTestSetup.TestNotes notes;
    @Autowired ModerationManagement management;
    @Autowired ParticipantBlocks blocks;
    @Autowired AccountManagement accounts;
    @Autowired JdbcTemplate jdbc;

    AgoraUser globalModerator() {
        return people.someone("moderatrice", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
    }

    long caseOf(ResourceRef content) {
        return jdbc.queryForObject("SELECT id FROM moderation_case WHERE resource_type = ? AND resource_id = ?",
                Long.class, content.type(), content.id());
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        mvc.perform(get("/admin/moderation/log").with(as(globalModerator()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation/log").with(as(people.participant()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/moderation/log").with(as(people.administrator()))).andExpect(status().isOk());
    }

    @Test
    void theLogIsFilteredByActionModeratorProcessAndDates() throws Exception {
        AgoraUser first = globalModerator();
        AgoraUser second = globalModerator();
        long process = 720_001L;
        ResourceRef hiddenOne = notes.write(people.participant().id(), process, "Premier texte");
        ResourceRef dismissedOne = notes.write(people.participant().id(), 720_002L, "Second texte");
        management.report(people.participant().id(), hiddenOne, ModerationReason.SPAM, null);
        management.report(people.participant().id(), dismissedOne, ModerationReason.SPAM, null);
        management.hide(first, caseOf(hiddenOne), ModerationReason.SPAM, "Note du premier");
        management.dismiss(second, caseOf(dismissedOne), "Note du second");
        AgoraUser admin = people.administrator();

        mvc.perform(get("/admin/moderation/log").param("moderator", String.valueOf(first.id().value())).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Note du premier")))
                .andExpect(content().string(containsString("test-note n° " + hiddenOne.id())))
                .andExpect(content().string(not(containsString("Note du second"))));
        mvc.perform(get("/admin/moderation/log").param("action", "DISMISS").with(as(admin)))
                .andExpect(content().string(containsString("Note du second")))
                .andExpect(content().string(not(containsString("Note du premier"))));
        mvc.perform(get("/admin/moderation/log").param("process", String.valueOf(process)).with(as(admin)))
                .andExpect(content().string(containsString("Note du premier")))
                .andExpect(content().string(not(containsString("Note du second"))));
        String today = LocalDate.now(Clocks.PARIS).toString();
        String tomorrow = LocalDate.now(Clocks.PARIS).plusDays(1).toString();
        mvc.perform(get("/admin/moderation/log").param("from", today).param("to", today).with(as(admin)))
                .andExpect(content().string(containsString("Note du premier")));
        mvc.perform(get("/admin/moderation/log").param("from", tomorrow).with(as(admin)))
                .andExpect(content().string(not(containsString("Note du premier"))));
    }

    @Test
    void aMalformedLogFilterIsIgnoredAndSaid() throws Exception {
        AgoraUser admin = people.administrator();
        mvc.perform(get("/admin/moderation/log").param("action", "ERASE").with(as(admin))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un filtre n’est pas valide")));
        mvc.perform(get("/admin/moderation/log").param("from", "hier").with(as(admin))).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/moderation/log").param("page", "0").with(as(admin))).andExpect(status().isBadRequest());
    }

    @Test
    void aBlockNeedsAReasonAndAKnownPersonAndIsReversibleWithItsHistoryKept() throws Exception {
        AgoraUser moderator = globalModerator();
        AgoraUser troll = people.participant();

        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(moderator)).param("email", troll.email()).param("reason", " "))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Indiquez le motif du blocage.")));
        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(moderator)).param("email", "personne@nulle.part").param("reason", "Insultes"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Aucun participant actif")));
        assertThat(blocks.isBlocked(troll.id())).isFalse();

        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(moderator)).param("email", troll.email())
                        .param("reason", "Insultes répétées"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "moderation.flash.blocked"));
        assertThat(blocks.isBlocked(troll.id())).isTrue();
        mvc.perform(get("/admin/moderation/blocks").with(as(moderator)))
                .andExpect(content().string(containsString("Insultes répétées")))
                .andExpect(content().string(containsString(troll.pseudonym())));
        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(moderator)).param("email", troll.email())
                        .param("reason", "Encore"))
                .andExpect(flash().attribute("flash", "moderation.flash.alreadyBlocked"));

        mvc.perform(post("/admin/moderation/blocks/{id}/unblock", troll.id().value()).with(csrf()).with(as(moderator))
                        .param("note", "Excuses présentées"))
                .andExpect(flash().attribute("flash", "moderation.flash.unblocked"));
        assertThat(blocks.isBlocked(troll.id())).isFalse();
        assertThat(jdbc.queryForList("SELECT action FROM moderation_action WHERE account_id = ? ORDER BY id",
                String.class, troll.id().value())).containsExactly("BLOCK", "UNBLOCK");
    }

    @Test
    void onlyGlobalModeratorsAndAdministratorsBlock() throws Exception {
        AgoraUser processModerator = people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.process(720_003L)));
        AgoraUser troll = people.participant();

        mvc.perform(get("/admin/moderation/blocks").with(as(processModerator))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/moderation/blocks").with(csrf()).with(as(processModerator)).param("email", troll.email())
                .param("reason", "Insultes")).andExpect(status().isForbidden());
        assertThat(blocks.isBlocked(troll.id())).isFalse();
        mvc.perform(get("/admin/moderation/blocks").with(as(people.administrator()))).andExpect(status().isOk());
    }

    @Test
    void aPersonsReportsAreInTheirDataAndTheirWordsAreErasedWithTheirAccount() {
        ResourceRef content = notes.write(people.participant().id(), null, "Un texte");
        AgoraUser reporter = people.participant();
        management.report(reporter.id(), content, ModerationReason.OTHER, "Mon voisin est cité");

        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) accounts.exportPersonalData(reporter.id()).get("moderation");
        assertThat(section.get("reports").toString()).contains("Mon voisin est cité").contains("test-note:" + content.id());

        accounts.deleteAccount(reporter.id(), "correct horse battery staple " + reporter.pseudonym().replaceAll("\\D", ""));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM moderation_report WHERE reporter_id = ? AND note IS NULL",
                Integer.class, reporter.id().value())).isEqualTo(1);
    }
}
