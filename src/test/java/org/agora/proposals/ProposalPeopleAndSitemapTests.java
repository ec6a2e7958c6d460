package org.agora.proposals;

import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProposalPeopleAndSitemapTests {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired ProposalSupports supports;

    ProposalTestBed bed;
    ProcessSettings process;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
    }

    @Test
    @SuppressWarnings("unchecked")
    void downloadingMyDataIncludesMyProposalsAndSupports() {
        AgoraUser author = bed.people.participant();
        String mine = bed.publish(process, author, "Une proposition à exporter", bed.east, "Santé");
        String theirs = bed.publish(process, bed.people.participant());
        supports.support(bed.idOf(theirs), author.id());

        Map<String, Object> section = (Map<String, Object>) accounts.exportPersonalData(author.id()).get("proposals");
        assertThat((List<Map<String, Object>>) section.get("proposals"))
                .anySatisfy(proposal -> assertThat(proposal).containsEntry("reference", mine)
                        .containsEntry("title", "Une proposition à exporter"));
        assertThat((List<Map<String, Object>>) section.get("supports"))
                .singleElement().satisfies(support -> assertThat(support).containsEntry("proposal", theirs));
    }

    @Test
    void aDeletedAuthorsProposalStaysShownAsFromADeletedParticipant() throws Exception {
        String password = "une phrase de passe solide 2026";
        AccountId id = accounts.ensureAccount("partante-" + System.nanoTime() + "@example.org", "Partante" + System.nanoTime(),
                password, "fr", List.of());
        AgoraUser author = accounts.find(id).orElseThrow();
        String reference = bed.publish(process, author, "Une proposition qui survit à son auteur", bed.east, "Santé");
        supports.support(bed.idOf(reference), new AccountId(700_000_001L));

        accounts.deleteAccount(id, password);

        mvc.perform(get("/processes/" + process.slug() + "/proposals/" + reference)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Une proposition qui survit à son auteur")))
                .andExpect(content().string(containsString("Participant supprimé")));
        assertThat(bed.supportRows(bed.idOf(reference))).isEqualTo(1);
    }

    @Test
    void theSitemapListsProposalListsAndPages() throws Exception {
        String reference = bed.publish(process, bed.people.participant());
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/processes/" + process.slug() + "/proposals</loc>")))
                .andExpect(content().string(containsString("/processes/" + process.slug() + "/proposals/" + reference + "</loc>")));
    }

    @Test
    void theProcessPageLinksToItsProposals() throws Exception {
        mvc.perform(get("/processes/" + process.slug())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/processes/" + process.slug() + "/proposals\"")));
    }
}
