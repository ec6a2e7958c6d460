package org.agora.accounts;

import java.util.List;

import org.agora.AgoraTest;
import org.agora.People;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class AmbassadorDirectoryTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;AMB1;Région des ambassadeurs;;
            DEPARTEMENT;AMB11;Département des ambassadeurs;AMB1;
            LIVING_AREA;AMB111;Bassin des Tilleuls;AMB11;
            LIVING_AREA;AMB112;Bassin des Platanes;AMB11;
            """;

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired TerritoryDirectory territories;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    People people;
    long tilleuls;
    long platanes;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).load(TREE);
        people = new People(accounts);
        tilleuls = territories.findByCode(TerritoryKind.LIVING_AREA, "AMB111").orElseThrow().id();
        platanes = territories.findByCode(TerritoryKind.LIVING_AREA, "AMB112").orElseThrow().id();
    }

    AgoraUser facilitator(long area) {
        return people.someone("ambassadeur", new RoleGrant(Role.FACILITATOR, RoleScope.territory(area)));
    }

    void optIn(AgoraUser user, long territory, String presentation, boolean listed) throws Exception {
        var request = post("/account/ambassador").with(as(user)).with(csrf())
                .param("territory", Long.toString(territory)).param("presentation", presentation);
        if (listed) {
            request.param("listed", "true");
        }
        mvc.perform(request).andExpect(redirectedUrl("/account/ambassador"));
    }

    @Test
    void showsOnlyFacilitatorsWhoOptedInWithoutTheirEmail() throws Exception {
        AgoraUser shown = facilitator(tilleuls);
        AgoraUser hidden = facilitator(platanes);
        optIn(shown, tilleuls, "J’anime les ateliers du bassin des Tilleuls le samedi.", true);
        optIn(hidden, platanes, "Je préfère ne pas apparaître pour l’instant.", false);

        mvc.perform(get("/ambassadeurs"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(shown.pseudonym()),
                        containsString("J’anime les ateliers du bassin des Tilleuls le samedi."),
                        containsString("Bassin des Tilleuls"), not(containsString(shown.email())),
                        not(containsString(hidden.pseudonym())))));
    }

    @Test
    void filtersTheDirectoryByTerritory() throws Exception {
        AgoraUser tilleul = facilitator(tilleuls);
        AgoraUser platane = facilitator(platanes);
        optIn(tilleul, tilleuls, "Présentation d’un ambassadeur des Tilleuls.", true);
        optIn(platane, platanes, "Présentation d’un ambassadeur des Platanes.", true);

        mvc.perform(get("/ambassadeurs").param("territory", Long.toString(platanes)))
                .andExpect(content().string(allOf(containsString(platane.pseudonym()), not(containsString(tilleul.pseudonym())))));
        mvc.perform(get("/ambassadeurs").param("territory", "pas-un-territoire")).andExpect(status().isBadRequest());
        mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString("/ambassadeurs</loc>")));
    }

    @Test
    void hidesAFacilitatorWhoWithdrawsLosesTheRoleOrDeletesTheAccount() throws Exception {
        AgoraUser withdrawing = facilitator(tilleuls);
        AgoraUser demoted = facilitator(tilleuls);
        AgoraUser leaving = facilitator(tilleuls);
        for (AgoraUser user : List.of(withdrawing, demoted, leaving)) {
            optIn(user, tilleuls, "Une présentation de " + user.pseudonym() + ".", true);
        }
        mvc.perform(get("/ambassadeurs")).andExpect(content().string(allOf(containsString(withdrawing.pseudonym()),
                containsString(demoted.pseudonym()), containsString(leaving.pseudonym()))));

        mvc.perform(post("/account/ambassador/withdraw").with(as(withdrawing)).with(csrf()))
                .andExpect(redirectedUrl("/account/ambassador"));
        AgoraUser admin = people.administrator();
        accounts.revoke(admin.id(), jdbc.queryForObject("SELECT id FROM role_assignment WHERE account_id = ? AND role = 'FACILITATOR'",
                Long.class, demoted.id().value()));
        assertThat(accounts.exportPersonalData(leaving.id())).containsKey("ambassador");
        accounts.deleteAccount(leaving.id(), "correct horse battery staple " + leaving.pseudonym().substring(leaving.pseudonym().lastIndexOf('-') + 1));

        mvc.perform(get("/ambassadeurs")).andExpect(content().string(allOf(not(containsString(withdrawing.pseudonym())),
                not(containsString(demoted.pseudonym())), not(containsString(leaving.pseudonym())))));
    }

    @Test
    void refusesATerritoryOutsideTheFacilitatorsScopeAndNonFacilitators() throws Exception {
        AgoraUser facilitator = facilitator(tilleuls);

        mvc.perform(post("/account/ambassador").with(as(facilitator)).with(csrf())
                        .param("territory", Long.toString(platanes)).param("presentation", "Ailleurs.").param("listed", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un territoire où vous êtes animateur.")));
        mvc.perform(post("/account/ambassador").with(as(facilitator)).with(csrf())
                        .param("territory", Long.toString(tilleuls)).param("presentation", "x".repeat(601)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/account/ambassador").with(as(people.participant()))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorGrantsFacilitatorScopedToALivingArea() throws Exception {
        AgoraUser someone = people.participant();

        mvc.perform(post("/admin/roles").with(as(people.administrator())).with(csrf()).param("email", someone.email())
                        .param("role", "FACILITATOR").param("territoryId", Long.toString(tilleuls)))
                .andExpect(redirectedUrl("/admin/roles"));

        assertThat(accounts.find(someone.id()).orElseThrow().holds(Role.FACILITATOR, RoleScope.territory(tilleuls))).isTrue();
        mvc.perform(get("/account/ambassador").with(as(accounts.find(someone.id()).orElseThrow())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Bassin des Tilleuls")));
    }
}
