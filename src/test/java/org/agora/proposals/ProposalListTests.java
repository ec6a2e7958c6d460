package org.agora.proposals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.AgoraTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProposalListTests {

    private static final Pattern REFERENCE = Pattern.compile("/proposals/(\\d{4}-\\d{6})\"");

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ProposalSupports supports;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser author;
    AgoraUser other;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        author = bed.people.participant();
        other = bed.people.participant();
    }

    String list(String query) throws Exception {
        return mvc.perform(get("/processes/" + process.slug() + "/proposals" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    static List<String> references(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void aDepartementIncludesItsLivingAreasAndCommunes() throws Exception {
        String inCommune = bed.publish(process, author, "Une idée pour la commune de l’Est", bed.eastCommune, "Mobilités");
        String inDepartement = bed.publish(process, author, "Une idée pour le département Est", bed.east, "Mobilités");
        String inWest = bed.publish(process, author, "Une idée pour la commune de l’Ouest", bed.westCommune, "Mobilités");
        String regionWide = bed.publish(process, author, "Une idée pour toute la région", bed.region, "Mobilités");

        assertThat(references(list("?territory=" + bed.east))).containsExactlyInAnyOrder(inCommune, inDepartement);
        assertThat(references(list("?territory=" + bed.region))).contains(inCommune, inDepartement, inWest, regionWide);
    }

    @Test
    void filtersByThemeStatusAndMine() throws Exception {
        String health = bed.publish(process, author, "Une idée pour la santé", bed.east, "Santé");
        String mobility = bed.publish(process, other, "Une idée pour les mobilités", bed.east, "Mobilités");
        String withdrawn = bed.publish(process, author, "Une idée retirée ensuite", bed.east, "Mobilités");
        bed.management.withdraw(process.slug(), withdrawn, author);

        assertThat(references(list("?theme=Santé"))).containsExactly(health);
        assertThat(references(list("?status=withdrawn"))).containsExactly(withdrawn);
        assertThat(references(list("?status=published"))).containsExactlyInAnyOrder(health, mobility);
        String mine = mvc.perform(get("/processes/" + process.slug() + "/proposals?mine=true").with(as(other)))
                .andReturn().getResponse().getContentAsString();
        assertThat(references(mine)).containsExactly(mobility);
    }

    @Test
    void sortsByMostRecentMostSupportedAndMostCommented() throws Exception {
        String first = bed.publish(process, author);
        String second = bed.publish(process, author);
        String third = bed.publish(process, author);
        supports.support(bed.idOf(second), new AccountId(800_000_001L));
        supports.support(bed.idOf(second), new AccountId(800_000_002L));
        supports.support(bed.idOf(first), new AccountId(800_000_003L));
        bed.jdbc.update("UPDATE proposal SET comment_count = 4 WHERE reference = ?", third);

        assertThat(references(list(""))).containsExactly(third, second, first);
        assertThat(references(list("?sort=supported"))).containsExactly(second, first, third);
        assertThat(references(list("?sort=commented")).getFirst()).isEqualTo(third);
    }

    @Test
    void paginatesByTwentyAndARandomOrderNeverRepeatsNorSkipsAcrossPages() throws Exception {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 45; i++) {
            all.add(bed.publish(process, author));
        }
        assertThat(references(list(""))).hasSize(20);
        assertThat(references(list("?page=3"))).hasSize(5);

        MockHttpSession visitor = new MockHttpSession();
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(references(mvc.perform(get("/processes/" + process.slug() + "/proposals?sort=random&page=" + page)
                    .session(visitor)).andReturn().getResponse().getContentAsString()));
        }
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(Set.copyOf(seen)).isEqualTo(all);
        List<String> again = references(mvc.perform(get("/processes/" + process.slug() + "/proposals?sort=random")
                .session(visitor)).andReturn().getResponse().getContentAsString());
        assertThat(again).as("stable for the same visitor").isEqualTo(seen.subList(0, 20));
        assertThat(seen.subList(0, 20)).as("not the order of publication")
                .isNotEqualTo(references(list("")).reversed());
    }

    @Test
    void anHtmxRequestGetsOnlyTheResults() throws Exception {
        bed.publish(process, author);
        String fragment = mvc.perform(get("/processes/" + process.slug() + "/proposals").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"results\"").doesNotContain("<html").doesNotContain("<h1");
    }

    @Test
    void anUnknownFilterValueIsABadRequestWithAMessageNotAnErrorPage() throws Exception {
        for (String query : List.of("?sort=oldest", "?status=lost", "?territory=abc", "?territory=" + bed.elsewhere,
                "?theme=Astronomie", "?page=0", "?page=x", "?mine=maybe")) {
            mvc.perform(get("/processes/" + process.slug() + "/proposals" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("Un des filtres demandés")));
        }
    }
}
