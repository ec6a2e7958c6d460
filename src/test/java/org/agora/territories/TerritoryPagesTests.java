package org.agora.territories;

import java.nio.charset.StandardCharsets;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.ReferenceTerritories;
import org.agora.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class TerritoryPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    Territories territories;

    People people;

    @BeforeEach
    void setUp() throws Exception {
        people = new People(accounts);
        mvc.perform(multipart("/admin/territories/import").file(ReferenceTerritories.upload())
                .with(as(people.administrator())).with(csrf()));
    }

    @Test
    void refusesTheAdministrationPageToAParticipantAndToStaff() throws Exception {
        mvc.perform(get("/admin/territories").with(as(people.participant()))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/territories").with(as(people.staff(org.agora.accounts.RoleScope.GLOBAL))))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/territories/import").file(ReferenceTerritories.upload())
                .with(as(people.participant())).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void showsCountsPerKindAndSearchesTheTree() throws Exception {
        mvc.perform(get("/admin/territories").param("q", "chateaudun").with(as(people.administrator())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 754")))
                .andExpect(content().string(containsString("Châteaudun")))
                .andExpect(content().string(containsString("<th scope=\"row\">")));
    }

    @Test
    void showsTheProblemsOfABadFileWithTheirLineNumbersAndStoresNothing() throws Exception {
        long before = territories.count();
        MockMultipartFile bad = new MockMultipartFile("file", "bad.csv", "text/csv",
                "kind;code;name;parent_code;postal_codes\nREGION;T9;Région;;\nCOMMUNE;T91;;T9;\n<script>;x;y;;\n"
                        .getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/admin/territories/import").file(bad).with(as(people.administrator())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("Ligne 3 : Le nom manque.")))
                .andExpect(content().string(containsString("Ligne 4 : Le niveau « &lt;script&gt; » est inconnu")))
                .andExpect(content().string(not(containsString("<script>;"))));
        assertThat(territories.count()).isEqualTo(before);
    }

    @Test
    void refusesAnEmptyUpload() throws Exception {
        mvc.perform(multipart("/admin/territories/import").file(new MockMultipartFile("file", new byte[0]))
                        .with(as(people.administrator())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez un fichier CSV")));
    }

    @Test
    void aGoodFileRedirectsWithASummary() throws Exception {
        mvc.perform(multipart("/admin/territories/import").file(ReferenceTerritories.upload())
                        .with(as(people.administrator())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/territories"))
                .andExpect(flash().attribute("flash", "territories.import.done"))
                .andExpect(flash().attributeExists("importReport"));
    }

    @Test
    void theCommuneLookupAnswersHtmxWithAFragmentAndScriptsWithJson() throws Exception {
        mvc.perform(get("/territories/communes").param("q", "45000").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Orléans (45000, 45100)")))
                .andExpect(content().string(containsString("name=\"communeId\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/territories/communes").param("q", "chateauroux").param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Châteauroux"))
                .andExpect(jsonPath("$[0].postalCodes[0]").value("36000"));
        mvc.perform(get("/territories/communes").param("q", "zzzz").param("name", "x\"><script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aucune commune")));
    }
}
