package org.agora.processes;

import java.time.LocalDate;
import java.util.Arrays;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProcessAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ProcessManagement management;
    @Autowired
    Processes processes;
    @Autowired
    ProcessActions actions;
    @Autowired
    TerritoryDirectory territories;
    @Autowired
    ApplicationContext context;

    People people;
    AgoraUser administrator;
    ProcessFixtures fixtures;
    LocalDate today;
    long region;
    long loiret;
    long orleansArea;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).loadCentreValDeLoire();
        people = new People(accounts);
        administrator = people.administrator();
        fixtures = new ProcessFixtures(management, processes, administrator);
        today = LocalDate.now(Clocks.PARIS);
        region = territories.findByCode(TerritoryKind.REGION, "24").orElseThrow().id();
        loiret = territories.findByCode(TerritoryKind.DEPARTEMENT, "45").orElseThrow().id();
        orleansArea = territories.findByCode(TerritoryKind.LIVING_AREA, "452").orElseThrow().id();
    }

    /** A valid process form; {@code overrides} are name/value pairs replacing the defaults. */
    MockMultipartHttpServletRequestBuilder form(String url, String title, long territoryId, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", title);
        fields.put("slug", "");
        fields.put("summary", "Les lycéens proposent et choisissent des projets pour leur établissement.");
        fields.put("description", "## Comment ?\n\n- proposer\n- voter");
        fields.put("territoryId", String.valueOf(territoryId));
        fields.put("imageAlt", "");
        fields.put("phases[0].name", "Proposer");
        fields.put("phases[0].description", "");
        fields.put("phases[0].startsOn", today.toString());
        fields.put("phases[0].endsOn", today.plusDays(30).toString());
        fields.put("phases[1].name", "");
        fields.put("phases[1].description", "");
        fields.put("phases[1].startsOn", "");
        fields.put("phases[1].endsOn", "");
        fields.put("phases[2].name", "Voter");
        fields.put("phases[2].description", "Un bulletin par élève");
        fields.put("phases[2].startsOn", today.plusDays(31).toString());
        fields.put("phases[2].endsOn", today.plusDays(45).toString());
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        fields.forEach(request::param);
        request.param("features", "PROPOSALS", "BUDGETS");
        request.with(csrf());
        return request;
    }

    static byte[] png(int size) {
        byte[] bytes = Arrays.copyOf(ImageFormatTests.PNG, size);
        return bytes;
    }

    @Test
    void createsADraftWithItsPhasesAndFeaturesAndLogsWhoDidIt() throws Exception {
        String title = ProcessFixtures.unique("Budget participatif des lycées");

        mvc.perform(form("/admin/processes", title, loiret).with(as(administrator)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "processes.flash.created"));

        ParticipatoryProcess created = processes.findAll().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
        assertThat(created.slug()).startsWith("budget-participatif-des-lycees-");
        assertThat(created.status()).isEqualTo(ProcessStatus.DRAFT);
        assertThat(created.phases()).extracting(Phase::name).containsExactly("Proposer", "Voter");
        assertThat(created.features()).containsExactlyInAnyOrder(ProcessFeature.PROPOSALS, ProcessFeature.BUDGETS);
        assertThat(actions.findByProcessIdOrderByHappenedAtDescIdDesc(created.id()))
                .extracting(ProcessAction::action, ProcessAction::actorId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATED", administrator.id().value()));
        mvc.perform(get("/admin/processes/" + created.id()).with(as(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Création")))
                .andExpect(content().string(containsString(administrator.pseudonym())));
    }

    @Test
    void theNewFormProposesTheFourUsualPhases() throws Exception {
        mvc.perform(get("/admin/processes/new").with(as(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Découvrir\"")))
                .andExpect(content().string(containsString("value=\"Contribuer\"")))
                .andExpect(content().string(containsString("value=\"Répondre\"")))
                .andExpect(content().string(containsString("value=\"Rendre compte\"")));
    }

    @Test
    void rejectsAnEmptyFormWithFieldErrorsAnd400AndStoresNothing() throws Exception {
        long before = processes.count();
        MockMultipartHttpServletRequestBuilder empty = multipart("/admin/processes");
        empty.param("title", "").param("summary", "").param("territoryId", "")
                .param("phases[0].name", "").param("phases[0].startsOn", "").param("phases[0].endsOn", "");

        mvc.perform(empty.with(csrf()).with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("Indiquez le titre de la démarche.")))
                .andExpect(content().string(containsString("Indiquez un résumé.")))
                .andExpect(content().string(containsString("Choisissez le territoire concerné.")))
                .andExpect(content().string(containsString("aria-describedby=\"title-hint title-error\"")));
        assertThat(processes.count()).isEqualTo(before);
    }

    @Test
    void rejectsATooLongTitleAndShowsAnInjectedScriptAsText() throws Exception {
        long before = processes.count();
        String title = "<script>alert('x')</script>" + "é".repeat(150);

        mvc.perform(form("/admin/processes", title, loiret).with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le titre dépasse 150 caractères.")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        assertThat(processes.count()).isEqualTo(before);
    }

    @Test
    void rejectsAPhaseEndingBeforeItStartsOrWithABadDateNextToTheRow() throws Exception {
        long before = processes.count();
        MockMultipartHttpServletRequestBuilder request = form("/admin/processes", ProcessFixtures.unique("Dates"), loiret,
                "phases[0].endsOn", today.minusDays(1).toString(), "phases[2].startsOn", "31/02/2026");
        MockMultipartHttpServletRequestBuilder typedByHand = form("/admin/processes", ProcessFixtures.unique("Dates à la main"),
                loiret, "phases[0].startsOn", "1/3/2027", "phases[0].endsOn", "31/03/2027");
        mvc.perform(typedByHand.with(as(administrator))).andExpect(status().is3xxRedirection());
        before++;

        mvc.perform(request.with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"phase-0-endsOn-error\"")))
                .andExpect(content().string(containsString("La fin de l’étape doit être le même jour ou après son début.")))
                .andExpect(content().string(containsString("href=\"#phase-2-startsOn\"")))
                .andExpect(content().string(containsString("Cette date n’est pas valide.")));
        assertThat(processes.count()).isEqualTo(before);
    }

    @Test
    void acceptsAPngImageAndServesItWithACacheHeaderOncePublished() throws Exception {
        String title = ProcessFixtures.unique("Avec image");
        MockMultipartHttpServletRequestBuilder request = form("/admin/processes", title, loiret,
                "imageAlt", "Des lycéens votent dans le hall");
        request.file(new MockMultipartFile("image", "affiche.png", "image/png", png(2048)));

        mvc.perform(request.with(as(administrator))).andExpect(status().is3xxRedirection());
        ParticipatoryProcess created = processes.findAll().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();

        mvc.perform(get("/processes/" + created.slug() + "/image")).andExpect(status().isNotFound());
        mvc.perform(get("/processes/" + created.slug() + "/image").with(as(administrator)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", "no-store"));
        management.publish(created.id(), administrator);
        mvc.perform(get("/processes/" + created.slug() + "/image"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=2592000")))
                .andExpect(header().string("Cache-Control", containsString("public")));
        mvc.perform(get("/processes/" + created.slug()))
                .andExpect(content().string(containsString("alt=\"Des lycéens votent dans le hall\"")));
    }

    @Test
    void refusesATextFileNamedPngATooLargeImageAndAnImageWithoutAlternativeText() throws Exception {
        long before = processes.count();
        MockMultipartHttpServletRequestBuilder fake = form("/admin/processes", ProcessFixtures.unique("Fausse image"), loiret,
                "imageAlt", "Affiche");
        fake.file(new MockMultipartFile("image", "affiche.png", "image/png", "just text".getBytes()));
        MockMultipartHttpServletRequestBuilder large = form("/admin/processes", ProcessFixtures.unique("Grande image"), loiret,
                "imageAlt", "Affiche");
        large.file(new MockMultipartFile("image", "affiche.png", "image/png", png(ImageFormat.MAX_BYTES + 1)));
        MockMultipartHttpServletRequestBuilder noAlt = form("/admin/processes", ProcessFixtures.unique("Sans alternative"), loiret);
        noAlt.file(new MockMultipartFile("image", "affiche.png", "image/png", png(100)));

        mvc.perform(fake.with(as(administrator))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce fichier n’est pas une image PNG, JPEG ou WebP.")));
        mvc.perform(large.with(as(administrator))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("L’image dépasse 2 Mo.")));
        mvc.perform(noAlt.with(as(administrator))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Décrivez l’image dans le texte alternatif.")));
        assertThat(processes.count()).isEqualTo(before);
    }

    @Test
    void editsPublishesClosesAndReopensAProcessKeepingItsHistory() throws Exception {
        ParticipatoryProcess process = fixtures.draft(ProcessFixtures.unique("À modifier"), loiret, today, today.plusDays(10));
        String newTitle = ProcessFixtures.unique("Modifiée");

        mvc.perform(form("/admin/processes/" + process.id(), newTitle, loiret, "slug", process.slug())
                        .with(as(administrator)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/processes/" + process.id() + "/publish").with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "processes.flash.published"));
        mvc.perform(post("/admin/processes/" + process.id() + "/publish").with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flashError", "processes.flash.refused"));
        mvc.perform(post("/admin/processes/" + process.id() + "/current-phase").param("phase", "1").with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "processes.flash.currentPhase"));
        mvc.perform(post("/admin/processes/" + process.id() + "/close").with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "processes.flash.closed"));
        mvc.perform(post("/admin/processes/" + process.id() + "/reopen").with(csrf()).with(as(administrator)))
                .andExpect(flash().attribute("flash", "processes.flash.reopened"));

        ParticipatoryProcess saved = processes.findById(process.id()).orElseThrow();
        assertThat(saved.title()).isEqualTo(newTitle);
        assertThat(saved.slug()).isEqualTo(process.slug());
        assertThat(saved.status()).isEqualTo(ProcessStatus.PUBLISHED);
        assertThat(saved.phases().get(saved.currentPhaseIndex(today)).name()).isEqualTo("Voter");
        assertThat(actions.findByProcessIdOrderByHappenedAtDescIdDesc(process.id())).extracting(ProcessAction::action)
                .containsExactly("REOPENED", "CLOSED", "CURRENT_PHASE_SET", "PUBLISHED", "EDITED", "CREATED");
        mvc.perform(get("/admin/processes/" + process.id()).with(as(administrator)))
                .andExpect(content().string(containsString("Réouverture")))
                .andExpect(content().string(containsString("(titre, résumé, description, étapes, fonctionnalités)")));
    }

    @Test
    void refusesASlugAlreadyTaken() throws Exception {
        ParticipatoryProcess existing = fixtures.draft(ProcessFixtures.unique("Premier"), loiret, today, today.plusDays(1));

        mvc.perform(form("/admin/processes", ProcessFixtures.unique("Second"), loiret, "slug", existing.slug())
                        .with(as(administrator)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Cette adresse est déjà celle d’une autre démarche.")));
    }

    // ---- Object-level rights, one test per role ---------------------------------------------------------------

    @Test
    void aParticipantCannotOpenTheProcessAdministration() throws Exception {
        AgoraUser participant = people.participant();
        ParticipatoryProcess process = fixtures.draft(ProcessFixtures.unique("Interdit"), loiret, today, today.plusDays(1));

        mvc.perform(get("/admin/processes").with(as(participant))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(as(participant))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/processes/" + process.id() + "/publish").with(csrf()).with(as(participant)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/processes")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aModeratorSeesNoProcessAndCannotCreateOrChangeOne() throws Exception {
        AgoraUser moderator = people.someone("moderator", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        ParticipatoryProcess process = fixtures.draft(ProcessFixtures.unique("Pas pour la modération"), loiret, today, today.plusDays(1));

        mvc.perform(get("/admin/processes").with(as(moderator)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(process.title()))))
                .andExpect(content().string(not(containsString("/admin/processes/new"))));
        mvc.perform(get("/admin/processes/new").with(as(moderator))).andExpect(status().isForbidden());
        mvc.perform(form("/admin/processes", "Tentative", loiret).with(as(moderator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/processes/" + process.id()).with(as(moderator))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/processes/" + process.id() + "/publish").with(csrf()).with(as(moderator)))
                .andExpect(status().isForbidden());
        assertThat(processes.findById(process.id()).orElseThrow().status()).isEqualTo(ProcessStatus.DRAFT);
    }

    @Test
    void staffOfADepartementManageItsProcessesAndThoseBelowButNotTheRegionsOnes() throws Exception {
        AgoraUser loiretStaff = people.staff(RoleScope.territory(loiret));
        ParticipatoryProcess local = fixtures.draft(ProcessFixtures.unique("Orléans"), orleansArea, today, today.plusDays(1));
        ParticipatoryProcess regional = fixtures.draft(ProcessFixtures.unique("Région"), region, today, today.plusDays(1));

        mvc.perform(get("/admin/processes/" + local.id()).with(as(loiretStaff))).andExpect(status().isOk());
        mvc.perform(post("/admin/processes/" + local.id() + "/publish").with(csrf()).with(as(loiretStaff)))
                .andExpect(flash().attribute("flash", "processes.flash.published"));
        mvc.perform(get("/admin/processes/" + regional.id()).with(as(loiretStaff))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/processes/" + regional.id() + "/edit").with(as(loiretStaff))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/processes/" + regional.id() + "/publish").with(csrf()).with(as(loiretStaff)))
                .andExpect(status().isForbidden());
        mvc.perform(form("/admin/processes/" + regional.id(), "Détournée", region).with(as(loiretStaff)))
                .andExpect(status().isForbidden());
        mvc.perform(form("/admin/processes", ProcessFixtures.unique("Hors périmètre"), region).with(as(loiretStaff)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vous ne pouvez pas créer de démarche sur ce territoire.")));
        mvc.perform(form("/admin/processes", ProcessFixtures.unique("Dans le périmètre"), orleansArea).with(as(loiretStaff)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/processes").with(as(loiretStaff)))
                .andExpect(content().string(containsString(local.title())))
                .andExpect(content().string(not(containsString(regional.title()))));
        assertThat(processes.findById(regional.id()).orElseThrow().status()).isEqualTo(ProcessStatus.DRAFT);
    }

    @Test
    void staffOfOneProcessManageThatProcessOnlyAndCannotCreate() throws Exception {
        ParticipatoryProcess theirs = fixtures.draft(ProcessFixtures.unique("La leur"), loiret, today, today.plusDays(1));
        ParticipatoryProcess other = fixtures.draft(ProcessFixtures.unique("Une autre"), loiret, today, today.plusDays(1));
        AgoraUser processStaff = people.staff(RoleScope.process(theirs.id()));

        mvc.perform(get("/admin/processes/" + theirs.id() + "/edit").with(as(processStaff))).andExpect(status().isOk());
        mvc.perform(post("/admin/processes/" + theirs.id() + "/publish").with(csrf()).with(as(processStaff)))
                .andExpect(flash().attribute("flash", "processes.flash.published"));
        mvc.perform(get("/admin/processes/" + other.id()).with(as(processStaff))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/processes/new").with(as(processStaff))).andExpect(status().isForbidden());
        mvc.perform(get("/processes/" + other.slug()).with(as(processStaff))).andExpect(status().isNotFound());
    }

    @Test
    void globalStaffAndAdministratorsManageEveryProcess() throws Exception {
        AgoraUser globalStaff = people.staff(RoleScope.GLOBAL);
        ParticipatoryProcess regional = fixtures.draft(ProcessFixtures.unique("Régionale"), region, today, today.plusDays(1));
        ParticipatoryProcess local = fixtures.draft(ProcessFixtures.unique("Locale"), orleansArea, today, today.plusDays(1));

        for (AgoraUser manager : new AgoraUser[] {globalStaff, administrator}) {
            mvc.perform(get("/admin/processes/" + regional.id()).with(as(manager))).andExpect(status().isOk());
            mvc.perform(get("/admin/processes/" + local.id() + "/edit").with(as(manager))).andExpect(status().isOk());
            mvc.perform(get("/admin/processes/new").with(as(manager))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/processes/999999").with(as(administrator))).andExpect(status().isNotFound());
    }

    @Test
    void theAdminHomeListsTheSectionsEachPersonMayOpen() throws Exception {
        mvc.perform(get("/admin").with(as(people.staff(RoleScope.territory(loiret)))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/processes\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/territories\""))));
        mvc.perform(get("/admin").with(as(administrator)))
                .andExpect(content().string(containsString("href=\"/admin/territories\"")))
                .andExpect(content().string(containsString("href=\"/admin/roles\"")))
                .andExpect(content().string(containsString("href=\"/admin/mails\"")))
                .andExpect(content().string(containsString("href=\"/admin/actions\"")));
    }
}
