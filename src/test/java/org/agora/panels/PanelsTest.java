package org.agora.panels;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.notifications.MailOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Panels and their pools: the forms, who sees the pool, the volunteer form, the import, the retention. */
@AgoraTest
@Import(PanelsTestSetup.class)
class PanelsTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired People people;
    @Autowired PanelManagement management;
    @Autowired Panels panels;
    @Autowired Volunteers volunteers;
    @Autowired PoolRetention retention;
    @Autowired MailOutbox outbox;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    AgoraUser staff;
    long territory;

    @BeforeEach
    void staffAndTerritory() {
        clock.reset();
        territory = PanelTestBed.territory(context);
        staff = people.staff(RoleScope.GLOBAL);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffCreateAPanelWithQuotasAndTheCreatorJoinsItsTeam() throws Exception {
        String name = PanelTestBed.uniqueName("Panel des mobilités");
        String location = mvc.perform(multipart("/admin/panels")
                        .file(new MockMultipartFile("quotaFile", "quotas.csv", "text/csv",
                                PanelTestBed.fixture("quotas.csv").getBytes(StandardCharsets.UTF_8)))
                        .param("name", name).param("purpose", "Les transports du quotidien.")
                        .param("territoryId", String.valueOf(territory)).param("size", "4")
                        .param("householdColumns", "address, postcode").param("retentionDays", "90")
                        .with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/panels/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Panel panel = panels.find(id).orElseThrow();
        assertThat(panel.name()).isEqualTo(name);
        assertThat(panel.status()).isEqualTo(PanelStatus.DRAFT);
        assertThat(panel.householdColumnList()).containsExactly("address", "postcode");
        assertThat(panels.quotas(id)).hasSize(4).first().isEqualTo(new Quota("genre", "femme", 2, 2));
        assertThat(panels.team(id)).containsExactly(staff.id().value());
        // A draft is not public yet.
        mvc.perform(get("/panels/" + panel.slug())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/panels/" + id + "/open").with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/panels/" + panel.slug())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("Je me porte volontaire"))));
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("/panels/" + panel.slug())));
    }

    @Test
    void aWrongPanelFormComesBackWithEveryMessageAndA400() throws Exception {
        mvc.perform(multipart("/admin/panels")
                        .param("name", "").param("purpose", "Objet").param("territoryId", String.valueOf(territory))
                        .param("size", "vingt").param("retentionDays", "30")
                        .param("quotas", "feature,value,min,max\ngenre,femme,3,1\n")
                        .with(as(staff)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Indiquez un nom"),
                        containsString("Indiquez une taille entre 1 et 500."),
                        containsString("Le fichier des quotas contient des erreurs"), containsString("ligne 2"))));
    }

    @Test
    void onlyAdministratorsAndTheStaffOfItsTeamSeeThePool() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        String pool = "/admin/panels/" + panel.id() + "/pool";
        AgoraUser participant = people.participant();
        AgoraUser facilitator = people.someone("animateur", new RoleGrant(Role.FACILITATOR, RoleScope.territory(territory)));
        AgoraUser otherStaff = people.staff(RoleScope.GLOBAL);
        AgoraUser administrator = people.administrator();

        mvc.perform(get(pool)).andExpect(status().is3xxRedirection());
        mvc.perform(get(pool).with(as(participant))).andExpect(status().isForbidden());
        mvc.perform(get(pool).with(as(facilitator))).andExpect(status().isForbidden());
        mvc.perform(get(pool).with(as(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/panels/" + panel.id() + "/panel.csv").with(as(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/panels").with(as(otherStaff))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(panel.name()))));
        mvc.perform(get(pool).with(as(administrator))).andExpect(status().isOk());
        mvc.perform(get(pool).with(as(staff))).andExpect(status().isOk());

        // Once on the team, the other member of staff sees it too.
        mvc.perform(post("/admin/panels/" + panel.id() + "/team").param("email", otherStaff.email())
                .with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(pool).with(as(otherStaff))).andExpect(status().isOk());
        // A participant cannot be put on the team.
        mvc.perform(post("/admin/panels/" + panel.id() + "/team").param("email", participant.email())
                .with(as(staff)).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aVolunteerIsRecordedOnceAndMailedOnce() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        for (String email : List.of("Odile.Volontaire@example.org", "odile.volontaire@example.org")) {
            mvc.perform(post("/panels/" + panel.slug() + "/volunteer").with(csrf())
                            .param("name", "Odile Volontaire").param("email", email)
                            .param("address", "7 rue des Écoles").param("postcode", "45000")
                            .param("feature-0", "femme").param("feature-1", "senior").param("consent", "true"))
                    .andExpect(status().is3xxRedirection());
        }
        List<Volunteer> pool = volunteers.pool(panel.id());
        assertThat(pool).hasSize(1);
        assertThat(pool.getFirst().pseudonym()).isEqualTo("P-0001");
        assertThat(pool.getFirst().features()).containsEntry("genre", "femme").containsEntry("age", "senior");
        assertThat(pool.getFirst().household()).isNotNull();
        assertThat(outbox.to("odile.volontaire@example.org")).hasSize(1);
        assertThat(outbox.latestTo("odile.volontaire@example.org").orElseThrow().text()).contains("30 jours");
        // The public page names nobody.
        mvc.perform(get("/panels/" + panel.slug())).andExpect(content().string(not(containsString("Odile"))));
    }

    @Test
    void theVolunteerFormRefusesAMissingConsentAndAnUnknownValueWithA400() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        mvc.perform(post("/panels/" + panel.slug() + "/volunteer").with(csrf())
                        .param("name", "Paul Sansaccord").param("email", "paul.sansaccord@example.org")
                        .param("address", "1 rue Haute").param("postcode", "45000")
                        .param("feature-0", "robot").param("feature-1", "jeune"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Cochez la case"), containsString("Choisissez une réponse."))));
        assertThat(volunteers.count(panel.id())).isZero();
    }

    @Test
    void theVolunteerFormIsClosedOutsideTheRecruitmentPeriod() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        clock.advance(Duration.ofDays(8));
        mvc.perform(get("/panels/" + panel.slug() + "/volunteer")).andExpect(status().isGone());
        mvc.perform(post("/panels/" + panel.slug() + "/volunteer").with(csrf())
                        .param("name", "Tom Tard").param("email", "tom.tard@example.org")
                        .param("address", "1 rue Basse").param("postcode", "45000")
                        .param("feature-0", "homme").param("feature-1", "jeune").param("consent", "true"))
                .andExpect(status().isConflict());
        assertThat(volunteers.count(panel.id())).isZero();
    }

    @Test
    void theImportPreviewReportsEveryProblemWithItsLineAndStoresNothing() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        mvc.perform(multipart("/admin/panels/" + panel.id() + "/pool/preview")
                        .file(new MockMultipartFile("file", "broken.csv", "text/csv",
                                PanelTestBed.fixture("broken-pool.csv").getBytes(StandardCharsets.UTF_8)))
                        .with(as(staff)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("ligne 3"), containsString("ligne 4"),
                        containsString("Rien n’a été importé"))));
        assertThat(volunteers.count(panel.id())).isZero();
        // Committing the broken file anyway (a forged request) stores nothing either.
        mvc.perform(post("/admin/panels/" + panel.id() + "/pool/import").param("text", PanelTestBed.fixture("broken-pool.csv"))
                .with(as(staff)).with(csrf())).andExpect(status().isConflict());
        assertThat(volunteers.count(panel.id())).isZero();
    }

    @Test
    void theImportStoresTheWholeFileOnceWithPseudonymsAndContacts() throws Exception {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        String text = PanelTestBed.fixture("pool.csv");
        mvc.perform(multipart("/admin/panels/" + panel.id() + "/pool/preview")
                        .file(new MockMultipartFile("file", "pool.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
                        .with(as(staff)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Importer les 12 volontaires"), containsString("Alice Vernier"))));
        mvc.perform(post("/admin/panels/" + panel.id() + "/pool/import").param("text", text).with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<Volunteer> pool = volunteers.pool(panel.id());
        assertThat(pool).hasSize(12);
        assertThat(pool).extracting(Volunteer::pseudonym).startsWith("P-0001", "P-0002").endsWith("P-0012");
        assertThat(pool.getFirst().email()).isEqualTo("alice.vernier@example.org");
        assertThat(pool.getFirst().household()).isEqualTo(pool.get(1).household());
        // The same file again: every id is already there, nothing is added.
        mvc.perform(post("/admin/panels/" + panel.id() + "/pool/import").param("text", text).with(as(staff)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(volunteers.count(panel.id())).isEqualTo(12);
    }

    @Test
    void thePoolsPersonalDataIsDeletedOnceThePanelHasEndedAndTheRetentionHasPassed() {
        Panel panel = PanelTestBed.recruitingPanel(management, panels, staff, territory, clock);
        management.commitImport(staff, panel.id(), PanelTestBed.fixture("pool.csv"));
        // The draw itself is another test's subject: here the panel is moved to its end directly.
        panels.status(panel.id(), PanelStatus.DRAWN, clock.instant());
        management.end(staff, panel.id());

        clock.advance(Duration.ofDays(29));
        assertThat(retention.deleteDue(clock.instant())).isZero();
        assertThat(volunteers.pool(panel.id()).getFirst().email()).isEqualTo("alice.vernier@example.org");

        clock.advance(Duration.ofDays(2));
        assertThat(retention.deleteDue(clock.instant())).isEqualTo(12);
        List<Volunteer> pool = volunteers.pool(panel.id());
        assertThat(pool).hasSize(12).allSatisfy(volunteer -> {
            assertThat(volunteer.pseudonym()).startsWith("P-");
            assertThat(volunteer.email()).isNull();
            assertThat(volunteer.name()).isNull();
            assertThat(volunteer.address()).isNull();
            assertThat(volunteer.features()).isEmpty();
            assertThat(volunteer.deletedAt()).isNotNull();
        });
        assertThat(panels.find(panel.id()).orElseThrow().poolDeletedAt()).isNotNull();
        // A second run has nothing left to do.
        assertThat(retention.deleteDue(clock.instant())).isZero();
    }
}
