package org.agora.processes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.shared.Clocks;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProcessRulesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired ProcessManagement management;
    @Autowired Processes processes;
    @Autowired ProcessRules rules;
    @Autowired TerritoryDirectory territories;
    @Autowired ApplicationContext context;

    AgoraUser staff;
    long region;
    LocalDate today;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).load("kind;code;name;parent_code;postal_codes\nREGION;RUL1;Région des règles;;\n");
        region = territories.findByCode(TerritoryKind.REGION, "RUL1").orElseThrow().id();
        staff = new People(accounts).staff(RoleScope.GLOBAL);
        today = LocalDate.now(Clocks.PARIS);
    }

    ProcessForm form(String title, String themes, String limit, String threshold, boolean proposals, boolean supports) {
        return new ProcessForm(ProcessFixtures.unique(title), "", "Résumé", "", region, "", false,
                Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS),
                List.of(new ProcessForm.PhaseRow("Avant", "", today.minusMonths(3).toString(), today.minusMonths(2).toString(), true, true),
                        new ProcessForm.PhaseRow("Contribuer", "", today.minusDays(1).toString(), today.plusDays(10).toString(), proposals, supports)),
                themes, limit, threshold);
    }

    @Test
    void exposesThemesLimitThresholdAndTheCurrentPhaseRulesOfAPublishedProcess() {
        long id = management.create(staff, form("Règles", "Mobilités\n\n  Santé \nMobilités\n", "3", "25", true, false), null);
        assertThat(rules.byId(new ProcessId(id))).as("a draft is invisible to other modules").isEmpty();
        management.publish(id, staff);

        ProcessSettings settings = rules.byId(new ProcessId(id)).orElseThrow();
        assertThat(settings.themes()).containsExactly("Mobilités", "Santé");
        assertThat(settings.supportLimit()).isEqualTo(3);
        assertThat(settings.supportThreshold()).isEqualTo(25);
        assertThat(settings.proposalsOpen()).isTrue();
        assertThat(settings.supportsOpen()).as("the current phase, not an earlier one, decides").isFalse();
        assertThat(settings.acceptsProposals()).isTrue();
        assertThat(rules.bySlug(settings.slug())).contains(settings);
        assertThat(rules.publicSlugsWith(ProcessFeature.PROPOSALS)).contains(settings.slug());
        assertThat(management.formOf(id, staff).themes()).isEqualTo("Mobilités\nSanté");
    }

    @Test
    void aClosedProcessAcceptsNeitherProposalsNorSupports() {
        long id = management.create(staff, form("Close", "", "", "", true, true), null);
        management.publish(id, staff);
        assertThat(rules.byId(new ProcessId(id)).orElseThrow().acceptsSupports()).isTrue();
        management.close(id, staff);

        ProcessSettings settings = rules.byId(new ProcessId(id)).orElseThrow();
        assertThat(settings.closed()).isTrue();
        assertThat(settings.proposalsOpen()).isFalse();
        assertThat(settings.supportsOpen()).isFalse();
    }

    @Test
    void theAdminFormStoresThemesPhaseSwitchesAndSupportRules() throws Exception {
        String title = ProcessFixtures.unique("Formulaire des règles");
        mvc.perform(post("/admin/processes").with(as(staff)).with(csrf())
                        .param("title", title).param("summary", "Résumé").param("territoryId", Long.toString(region))
                        .param("features", "PROPOSALS", "SUPPORTS").param("themes", "Culture\nSanté")
                        .param("supportLimit", "5").param("supportThreshold", "")
                        .param("phases[0].name", "Contribuer").param("phases[0].startsOn", today.minusDays(1).toString())
                        .param("phases[0].endsOn", today.plusDays(5).toString()).param("phases[0].supportsOpen", "true"))
                .andExpect(status().is3xxRedirection());

        ParticipatoryProcess stored = processes.findAll().stream().filter(process -> process.title().equals(title))
                .findFirst().orElseThrow();
        assertThat(stored.themes()).containsExactly("Culture", "Santé");
        assertThat(stored.supportLimit()).isEqualTo(5);
        assertThat(stored.supportThreshold()).isNull();
        assertThat(stored.phases().getFirst().supportsOpen()).isTrue();
        assertThat(stored.phases().getFirst().proposalsOpen()).isFalse();
    }

    @Test
    void refusesASupportLimitThatIsNotAPositiveNumberWithAFieldMessage() throws Exception {
        mvc.perform(post("/admin/processes").with(as(staff)).with(csrf())
                        .param("title", ProcessFixtures.unique("Limite invalide")).param("summary", "Résumé")
                        .param("territoryId", Long.toString(region)).param("supportLimit", "-2")
                        .param("supportThreshold", "beaucoup")
                        .param("phases[0].name", "Contribuer").param("phases[0].startsOn", today.toString())
                        .param("phases[0].endsOn", today.plusDays(5).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"supportLimit-error\"")))
                .andExpect(content().string(containsString("id=\"supportThreshold-error\"")));
    }
}
