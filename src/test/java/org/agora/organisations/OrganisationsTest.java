package org.agora.organisations;

import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry of organisations: its admin pages, its API for other modules, merging duplicates. */
@AgoraTest
@RecordApplicationEvents
class OrganisationsTest {

    /** Names of their own per test, since every @AgoraTest class shares one database. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired OrganisationDirectory directory;
    @Autowired TerritoryDirectory territories;
    @Autowired Organisations organisations;
    @Autowired ApplicationEvents events;

    People people;
    AgoraUser staff;
    long department;
    long commune;
    long neighbour;
    String unique;

    @BeforeEach
    void territoriesAndPeople() {
        new TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;ORGR;Région des structures;;
                DEPARTEMENT;ORGD;Département des structures;ORGR;
                DEPARTEMENT;ORGE;Département voisin des structures;ORGR;
                COMMUNE;ORGC1;Villeneuve-des-Structures;ORGD;99101
                COMMUNE;ORGC2;Bourg-Voisin-des-Structures;ORGE;99102
                """);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "ORGD").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "ORGC1").orElseThrow().id();
        neighbour = territories.findByCode(TerritoryKind.COMMUNE, "ORGC2").orElseThrow().id();
        people = new People(accounts);
        staff = people.staff(RoleScope.GLOBAL);
        unique = "Zq" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100000;
    }

    /** A Luhn-valid SIREN no other test uses. */
    static String freshSiren() {
        String base = String.format("%08d", (int) (Math.random() * 99_999_999));
        for (int check = 0; check < 10; check++) {
            if (Siren.valid(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void staffCreateAnOrganisationInACommuneTypedByPostalCodeThenFindItByName() throws Exception {
        String siren = freshSiren();
        mvc.perform(post("/admin/organisations").with(as(staff)).with(csrf())
                        .param("name", "Association " + unique).param("kindName", "ASSOCIATION")
                        .param("scopeId", String.valueOf(department)).param("commune", "99101")
                        .param("siren", siren.substring(0, 3) + " " + siren.substring(3)).param("website", "https://exemple.org"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/organisations/*"));

        OrganisationView created = directory.search("association " + unique.toLowerCase(), department, 5).getFirst();
        assertThat(created.territoryId()).isEqualTo(commune);
        assertThat(created.siren()).isEqualTo(siren);
        mvc.perform(get("/admin/organisations").with(as(staff)).param("q", unique.toUpperCase())
                        .param("kind", "ASSOCIATION").param("territory", String.valueOf(department)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Structures rencontrées</h1>"),
                        containsString("Association " + unique), containsString("Villeneuve-des-Structures (99101)"))));
        mvc.perform(get("/admin/organisations").with(as(staff)).param("q", unique).param("kind", "COMPANY"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Association " + unique))));
    }

    @Test
    void refusesAWrongSirenAndOneAlreadyTakenWithAMessageNextToTheField() throws Exception {
        String siren = freshSiren();
        directory.create(staff, new OrganisationDraft("Première " + unique, OrganisationKind.COMPANY, commune, siren, null));

        mvc.perform(post("/admin/organisations").with(as(staff)).with(csrf())
                        .param("name", "Seconde " + unique).param("kindName", "COMPANY")
                        .param("scopeId", String.valueOf(department)).param("siren", siren))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"siren-error\""),
                        containsString("Une autre structure porte déjà ce SIREN."), containsString("href=\"#siren\""))));
        mvc.perform(post("/admin/organisations").with(as(staff)).with(csrf())
                        .param("name", "Seconde " + unique).param("kindName", "COMPANY")
                        .param("scopeId", String.valueOf(department)).param("siren", "732829321"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("sa clé doit être juste")));
        assertThat(directory.search("Seconde " + unique, department, 5)).isEmpty();
    }

    @Test
    void warnsAboutALikelyDuplicateInTheSameTerritoryUntilConfirmed() throws Exception {
        directory.create(staff, new OrganisationDraft("Association " + unique, OrganisationKind.ASSOCIATION, commune, null, null));

        mvc.perform(post("/admin/organisations").with(as(staff)).with(csrf())
                        .param("name", "association  " + unique.toLowerCase() + ".").param("kindName", "ASSOCIATION")
                        .param("commune", "Villeneuve-des-Structures").param("scopeId", String.valueOf(department)))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Une structure de ce nom existe déjà"),
                        containsString("name=\"confirmDuplicate\""))));
        mvc.perform(post("/admin/organisations").with(as(staff)).with(csrf())
                        .param("name", "association  " + unique.toLowerCase() + ".").param("kindName", "ASSOCIATION")
                        .param("commune", "Villeneuve-des-Structures").param("scopeId", String.valueOf(department))
                        .param("confirmDuplicate", "true"))
                .andExpect(status().is3xxRedirection());

        assertThat(directory.search("association " + unique, commune, 5)).hasSize(2);
    }

    @Test
    void theDirectoryCreatesOnceForTheSameSirenOrTheSameNameInTheSameTerritory() {
        AgoraUser facilitator = people.someone("animatrice", new RoleGrant(Role.FACILITATOR, RoleScope.GLOBAL));
        String siren = freshSiren();
        OrganisationId first = directory.create(facilitator,
                new OrganisationDraft("Club " + unique, OrganisationKind.ASSOCIATION, commune, siren, null));

        assertThat(directory.create(facilitator, new OrganisationDraft("Autre nom " + unique, OrganisationKind.OTHER,
                neighbour, siren, null))).isEqualTo(first);
        assertThat(directory.create(facilitator, new OrganisationDraft("CLUB " + unique, OrganisationKind.ASSOCIATION,
                commune, null, null))).isEqualTo(first);
        assertThat(directory.create(facilitator, new OrganisationDraft("Club " + unique, OrganisationKind.ASSOCIATION,
                neighbour, null, null))).isNotEqualTo(first);
        assertThat(directory.find(first).orElseThrow().name()).isEqualTo("Club " + unique);
    }

    @Test
    void theDirectoryRefusesParticipantsAndInvalidDrafts() {
        assertThatThrownBy(() -> directory.create(people.participant(),
                new OrganisationDraft("Refusée " + unique, OrganisationKind.OTHER, commune, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.create(staff,
                new OrganisationDraft("Fausse " + unique, OrganisationKind.OTHER, commune, "123456789", null)))
                .isInstanceOfSatisfying(OrganisationRefused.class,
                        refused -> assertThat(refused.problems()).containsEntry("siren", "organisations.error.siren"));
        assertThatThrownBy(() -> directory.create(staff,
                new OrganisationDraft("Nulle part " + unique, OrganisationKind.OTHER, 987_654_321L, null, null)))
                .isInstanceOf(OrganisationRefused.class);
    }

    @Test
    void searchesByNamePrefixWithinATerritoryAndWhatItContains() {
        directory.create(staff, new OrganisationDraft(unique + " Ici", OrganisationKind.SCHOOL, commune, null, null));
        directory.create(staff, new OrganisationDraft(unique + " Ailleurs", OrganisationKind.SCHOOL, neighbour, null, null));

        assertThat(directory.search(unique.toLowerCase(), department, 10)).extracting(OrganisationView::name)
                .containsExactly(unique + " Ici");
        long region = territories.findByCode(TerritoryKind.REGION, "ORGR").orElseThrow().id();
        assertThat(directory.search(unique, region, 10)).hasSize(2);
        assertThat(directory.countsByKind().get(OrganisationKind.SCHOOL)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mergingKeepsOneRecordTakesOverItsSirenAndTellsOtherModules() throws Exception {
        String siren = freshSiren();
        OrganisationId kept = directory.create(staff,
                new OrganisationDraft("Maison " + unique, OrganisationKind.PUBLIC_BODY, commune, null, null));
        OrganisationId removed = directory.create(staff,
                new OrganisationDraft("Maison " + unique + " bis", OrganisationKind.PUBLIC_BODY, commune, siren, "https://maison.example"));

        mvc.perform(get("/admin/organisations/{id}", removed.value()).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + kept.value() + "\"")));
        mvc.perform(post("/admin/organisations/{id}/merge", removed.value()).with(as(staff)).with(csrf())
                        .param("into", String.valueOf(kept.value())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/organisations/" + kept.value()));

        assertThat(directory.find(removed)).isEmpty();
        assertThat(directory.find(kept).orElseThrow().siren()).isEqualTo(siren);
        assertThat(directory.find(kept).orElseThrow().website()).isEqualTo("https://maison.example");
        assertThat(events.stream(OrganisationsMerged.class)).containsExactly(new OrganisationsMerged(kept, removed));
        mvc.perform(post("/admin/organisations/{id}/merge", kept.value()).with(as(staff)).with(csrf())
                        .param("into", String.valueOf(kept.value())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/organisations/{id}/merge", removed.value()).with(as(staff)).with(csrf())
                        .param("into", String.valueOf(kept.value())))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyStaffAndAdministratorsOpenTheAdminPages() throws Exception {
        OrganisationId id = directory.create(staff,
                new OrganisationDraft("Gardée " + unique, OrganisationKind.OTHER, commune, null, null));
        AgoraUser moderator = people.someone("moderatrice", new RoleGrant(Role.MODERATOR, RoleScope.GLOBAL));
        AgoraUser facilitator = people.someone("animateur", new RoleGrant(Role.FACILITATOR, RoleScope.GLOBAL));

        for (AgoraUser outsider : new AgoraUser[] {moderator, facilitator, people.participant()}) {
            mvc.perform(get("/admin/organisations").with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/organisations/{id}", id.value()).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/organisations").with(as(outsider)).with(csrf()).param("name", "Intruse")
                    .param("kindName", "OTHER").param("scopeId", String.valueOf(department))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/organisations").with(as(people.administrator()))).andExpect(status().isOk());
        mvc.perform(get("/admin/organisations/{id}", 987_654_321L).with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/organisations").with(as(staff)).param("page", "deux")).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/organisations").with(as(staff)).param("kind", "CLUB")).andExpect(status().isBadRequest());
    }
}
