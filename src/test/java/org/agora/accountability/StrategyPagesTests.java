package org.agora.accountability;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class StrategyPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkProgrammes programmes;

    StrategyTestBed bed;
    AgoraUser staff;

    @BeforeEach
    void setUp() {
        bed = new StrategyTestBed(context);
        staff = bed.staff;
    }

    MockHttpServletRequestBuilder send(String path, String... fields) {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(as(staff));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    String page(String path, ResultMatcher expected) throws Exception {
        return mvc.perform(get(path)).andExpect(expected).andReturn().getResponse().getContentAsString();
    }

    @Test
    void staffWriteTheCharterArticleByArticleAndThePublicReadsIt() throws Exception {
        mvc.perform(send("/admin/charte", "number", "1", "title", "Écouter chaque voix",
                "body", "Chaque proposition reçoit une réponse.\n\nLa réponse est publique.")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM charter_article WHERE number = 1", Long.class);

        String charter = page("/charte", status().isOk());
        assertThat(charter).contains("Article 1 — Écouter chaque voix", "<p>Chaque proposition reçoit une réponse.</p>",
                "<p>La réponse est publique.</p>");

        mvc.perform(send("/admin/charte/" + id, "number", "2", "title", "Rendre compte", "body", "Texte."))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/charte?lang=en", status().isOk())).contains("Article 2 — Rendre compte");

        mvc.perform(send("/admin/charte/" + id + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM charter_article", Integer.class)).isZero();
    }

    @Test
    void aCharterArticleWithoutTitleOrWithATakenNumberIsRefusedWithAMessageAndNothingStored() throws Exception {
        mvc.perform(send("/admin/charte", "number", "3", "title", "Premier", "body", "Texte.")).andExpect(status().is3xxRedirection());

        mvc.perform(send("/admin/charte", "number", "3", "title", "Second", "body", "Texte."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Un autre article porte déjà ce numéro.")));
        mvc.perform(send("/admin/charte", "number", "abc", "title", " ", "body", "Texte."))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce champ est obligatoire.")))
                .andExpect(content().string(containsString("Saisissez un nombre")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM charter_article", Integer.class)).isEqualTo(1);
    }

    @Test
    void unknownItemsAreNotFound() throws Exception {
        for (String path : new String[] {"/chantiers/inconnu", "/mesures/inconnue", "/transmissions/999999", "/saisines/999999",
                "/saisines/999999/avis.pdf"}) {
            page(path, status().isNotFound());
        }
        mvc.perform(get("/admin/charte/999999").with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/chantiers/999999").with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(send("/admin/chantiers/999999/updates", "postedOn", "2026-01-01", "text", "x", "progress", "10",
                "status", "ONGOING")).andExpect(status().isNotFound());
        mvc.perform(send("/admin/contributions/NOPE/1", "reference", "x")).andExpect(status().isNotFound());
        mvc.perform(send("/admin/strategie/ambitions/999999/objectives", "title", "x")).andExpect(status().isNotFound());
        mvc.perform(send("/admin/strategie/objectives/999999/programmes", "title", "x", "description", "y"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyStaffAndAdministratorsOpenTheStaffPages() throws Exception {
        AgoraUser participant = bed.people.participant();
        AgoraUser moderator = bed.people.someone("moderateur", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        for (String path : new String[] {"/admin/charte", "/admin/strategie", "/admin/mesures", "/admin/transmissions", "/admin/saisines"}) {
            mvc.perform(get(path).with(as(participant))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(moderator))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(staff))).andExpect(status().isOk());
            mvc.perform(get(path).with(as(bed.people.administrator()))).andExpect(status().isOk());
        }
        mvc.perform(post("/admin/charte").with(csrf()).with(as(moderator)).param("number", "9").param("title", "x").param("body", "y"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM charter_article", Integer.class)).isZero();
    }

    @Test
    void aWorkProgrammeKeepsEveryUpdateAndShowsItsMilestonesAndStatus() throws Exception {
        mvc.perform(send("/admin/strategie/ambitions", "title", "Se déplacer mieux", "description", "Des mobilités pour tous."))
                .andExpect(status().is3xxRedirection());
        long ambition = jdbc.queryForObject("SELECT id FROM ambition", Long.class);
        mvc.perform(send("/admin/strategie/ambitions/" + ambition + "/objectives", "title", "Relier les territoires ruraux"))
                .andExpect(status().is3xxRedirection());
        long objective = jdbc.queryForObject("SELECT id FROM objective", Long.class);
        mvc.perform(send("/admin/strategie/objectives/" + objective + "/programmes", "title", "Cars express régionaux",
                "description", "Des lignes de car rapides.")).andExpect(status().is3xxRedirection());
        WorkProgrammes.Programme programme = programmes.findBySlug("cars-express-regionaux").orElseThrow();
        assertThat(programme.status()).isEqualTo(WorkProgrammeStatus.UPCOMING);
        String admin = "/admin/chantiers/" + programme.id();

        mvc.perform(send(admin + "/updates", "postedOn", "2026-03-01", "text", "Études lancées.", "progress", "20", "status", "ONGOING"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(send(admin + "/updates", "postedOn", "2026-06-01", "text", "Trois lignes ouvertes.", "progress", "60", "status", "ONGOING"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(send(admin + "/updates", "postedOn", "2026-06-02", "text", "Trop.", "progress", "150", "status", "FINI"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Saisissez un nombre")))
                .andExpect(content().string(containsString("Choisissez une valeur de la liste.")));
        mvc.perform(send(admin + "/updates", "postedOn", "2026-06-02", "text", "", "progress", "10", "status", "ONGOING"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span id=\"text-error\" class=\"field-error\">Ce champ est obligatoire.</span>")))
                .andExpect(content().string(containsString("value=\"2026-06-02\"")));
        mvc.perform(send(admin + "/milestones", "milestoneTitle", "Première ligne", "plannedOn", "2026-05-01", "reachedOn", ""))
                .andExpect(status().is3xxRedirection());
        long milestone = jdbc.queryForObject("SELECT id FROM work_programme_milestone", Long.class);
        mvc.perform(send(admin + "/milestones/" + milestone + "/reached", "reachedOn", "2026-05-15")).andExpect(status().is3xxRedirection());

        assertThat(programmes.updates(programme.id())).extracting(WorkProgrammes.Update::progress).containsExactly(60, 20);
        assertThat(programmes.find(programme.id()).orElseThrow().progress()).isEqualTo(60);
        String page = page("/chantiers/cars-express-regionaux", status().isOk());
        assertThat(page).contains("Cars express régionaux", "Études lancées.", "Trois lignes ouvertes.", "60 %", "En cours",
                "Première ligne", "01/05/2026", "15/05/2026", "Ambition « Se déplacer mieux », objectif « Relier les territoires ruraux »");
        assertThat(page("/strategie", status().isOk())).contains("Ambition 1 : Se déplacer mieux", "Relier les territoires ruraux",
                "/chantiers/cars-express-regionaux");

        mvc.perform(send("/admin/strategie/objectives/" + objective + "/delete")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM objective", Integer.class)).isEqualTo(1);
    }

    @Test
    void anImmediateMeasureKeepsTheDatedHistoryOfItsStatus() throws Exception {
        mvc.perform(send("/admin/mesures", "title", "Gratuité des TER pour les apprentis", "description", "Dès la rentrée.",
                "status", "DECIDED", "changedOn", "2026-02-01")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM immediate_measure", Long.class);
        mvc.perform(send("/admin/mesures/" + id + "/status", "status", "DONE", "changedOn", "2026-09-01", "note", "En place."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(send("/admin/mesures/" + id + "/status", "status", "DONE", "changedOn", "pas une date"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Saisissez une date valide")));

        String page = page("/mesures/gratuite-des-ter-pour-les-apprentis", status().isOk());
        assertThat(page).contains("Réalisée", "01/09/2026", "En place.", "Décidée", "01/02/2026");
        assertThat(page("/mesures", status().isOk())).contains("Gratuité des TER pour les apprentis");
    }

    @Test
    void aTransmissionShowsWhereItWentAndTheReplyWhenItComes() throws Exception {
        mvc.perform(send("/admin/transmissions", "recipient", "Préfecture du Loiret", "level", "STATE", "subject", "Sécurité routière",
                "summary", "Trois propositions sur les radars.", "sentOn", "2026-04-02")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM transmission", Long.class);
        assertThat(page("/transmissions/" + id, status().isOk())).contains("Transmise à Préfecture du Loiret (État) le 02/04/2026",
                "Réponse en attente");

        mvc.perform(send("/admin/transmissions/" + id + "/reply", "reply", "", "repliedOn", "2026-05-02"))
                .andExpect(status().isBadRequest());
        mvc.perform(send("/admin/transmissions/" + id + "/reply", "reply", "Étude en cours avec la DIR.", "repliedOn", "2026-05-02"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/transmissions/" + id, status().isOk())).contains("Réponse reçue le 02/05/2026", "Étude en cours avec la DIR.");
        mvc.perform(send("/admin/transmissions", "recipient", "X", "level", "PLANETE", "subject", "Y", "summary", "Z", "sentOn", "2026-04-02"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theSitemapListsThePublicPagesOfTheStrategy() throws Exception {
        long ambition = programmes.addAmbition("Ambition du plan", "Texte.");
        long objective = programmes.addObjective(ambition, "Objectif du plan");
        programmes.addProgramme(objective, "Chantier du plan", "Texte.");
        String sitemap = page("/sitemap.xml", status().isOk());
        assertThat(sitemap).contains("/charte</loc>", "/strategie</loc>", "/mesures</loc>", "/transmissions</loc>",
                "/saisines</loc>", "/chantiers/chantier-du-plan</loc>");
    }

    @Test
    void theMainNavigationLeadsToTheStrategy() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/strategie\"")))
                .andExpect(content().string(not(containsString("??accountability"))));
    }
}
