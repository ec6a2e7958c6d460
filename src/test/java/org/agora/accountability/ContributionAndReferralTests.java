package org.agora.accountability;

import java.nio.charset.StandardCharsets;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.proposals.ProposalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ContributionAndReferralTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkProgrammes programmes;
    @Autowired Transmissions transmissions;
    @Autowired Referrals referrals;
    @Autowired ContributionCatalog catalog;

    StrategyTestBed bed;
    AgoraUser staff;
    WorkProgrammes.Programme programme;

    @BeforeEach
    void setUp() {
        bed = new StrategyTestBed(context);
        staff = bed.staff;
        long ambition = programmes.addAmbition("Vivre en bonne santé", "Texte.");
        programme = programmes.addProgramme(programmes.addObjective(ambition, "Soigner près de chez soi"), "Centres de santé", "Texte.");
    }

    String link(ContributionKind kind, long target, String reference, int expected) throws Exception {
        return mvc.perform(post("/admin/contributions/" + kind + "/" + target).with(csrf()).with(as(staff)).param("reference", reference))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void staffLinkProposalsByReferenceOnceAndThePublicSeesWhereTheyWent() throws Exception {
        String reference = bed.publish("Un centre de santé dans chaque canton");
        long proposal = bed.proposals.idOf(reference);
        long transmission = transmissions.create("Agence régionale de santé", "STATE", "Déserts médicaux", "Texte.", "2026-03-01");

        link(ContributionKind.WORK_PROGRAMME, programme.id(), reference, 302);
        link(ContributionKind.TRANSMISSION, transmission, reference, 302);
        assertThat(link(ContributionKind.WORK_PROGRAMME, programme.id(), reference, 400)).contains("Cette proposition est déjà liée.");
        assertThat(link(ContributionKind.WORK_PROGRAMME, programme.id(), "2099-999999", 400))
                .contains("Aucune proposition publique ne porte cette référence.");
        assertThat(link(ContributionKind.WORK_PROGRAMME, programme.id(), "", 400)).contains("Ce champ est obligatoire.");
        link(ContributionKind.WORK_PROGRAMME, 999_999, reference, 404);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE proposal_id = ?", Integer.class, proposal)).isEqualTo(2);
        assertThat(mvc.perform(get("/chantiers/" + programme.slug())).andReturn().getResponse().getContentAsString())
                .contains("Issu de vos propositions", reference, "Un centre de santé dans chaque canton");
        assertThat(catalog.fedBy(new ProposalId(proposal)))
                .extracting(Contribution::kind, Contribution::path, Contribution::status, Contribution::recipient)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ContributionKind.WORK_PROGRAMME, "/chantiers/centres-de-sante", "UPCOMING", null),
                        org.assertj.core.groups.Tuple.tuple(ContributionKind.TRANSMISSION, "/transmissions/" + transmission, "SENT",
                                "Agence régionale de santé"));

        mvc.perform(post("/admin/contributions/WORK_PROGRAMME/" + programme.id() + "/" + proposal + "/delete").with(csrf()).with(as(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.fedBy(new ProposalId(proposal))).extracting(Contribution::kind).containsExactly(ContributionKind.TRANSMISSION);
    }

    @Test
    void theDatabaseRefusesASecondLinkBetweenTheSameProposalAndTarget() {
        long proposal = bed.proposals.idOf(bed.publish("Des médecins salariés"));
        String insert = "INSERT INTO contribution (proposal_id, target_kind, target_id) VALUES (?, 'WORK_PROGRAMME', ?)";
        jdbc.update(insert, proposal, programme.id());
        assertThatThrownBy(() -> jdbc.update(insert, proposal, programme.id())).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aHiddenProposalIsNotShownOnPublicPages() throws Exception {
        String reference = bed.publish("Une proposition masquée");
        link(ContributionKind.WORK_PROGRAMME, programme.id(), reference, 302);
        bed.proposals.hide(reference);
        String page = mvc.perform(get("/chantiers/" + programme.slug())).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Une proposition masquée").contains("Aucune proposition n’y est encore liée.");
    }

    @Test
    void aReferralRecordsTheBodysOpinionWithAPdfCheckedFromItsContent() throws Exception {
        long body = jdbc.queryForObject("SELECT id FROM advisory_body WHERE name = 'CESER Centre-Val de Loire'", Long.class);
        mvc.perform(post("/admin/saisines").with(csrf()).with(as(staff)).param("body", String.valueOf(body))
                        .param("question", "Comment rapprocher les soins des habitants ?").param("deadline", "2026-10-01")
                        .param("process", bed.process.id().value() + ""))
                .andExpect(status().is3xxRedirection());
        long referral = jdbc.queryForObject("SELECT id FROM referral", Long.class);
        mvc.perform(post("/admin/saisines").with(csrf()).with(as(staff)).param("body", String.valueOf(body))
                .param("question", "Q").param("deadline", "demain").param("process", "999999"))
                .andExpect(status().isBadRequest());
        assertThat(mvc.perform(get("/saisines/" + referral)).andReturn().getResponse().getContentAsString())
                .contains("Saisine de CESER Centre-Val de Loire", "Comment rapprocher les soins des habitants ?",
                        "L’avis n’a pas encore été rendu.", bed.process.slug());

        String opinion = "/admin/saisines/" + referral + "/opinion";
        mvc.perform(multipart(opinion).file(new MockMultipartFile("pdf", "avis.pdf", "application/pdf", "<html>pas un pdf</html>".getBytes()))
                        .param("opinion", "Avis favorable.").param("opinionOn", "2026-09-15").with(csrf()).with(as(staff)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le fichier n’est pas un PDF.")));
        assertThat(referrals.find(referral).orElseThrow().opinion()).isNull();

        mvc.perform(multipart(opinion).file(new MockMultipartFile("pdf", "avis.bin", "application/octet-stream", PDF))
                        .param("opinion", "Avis favorable.").param("opinionOn", "2026-09-15").with(csrf()).with(as(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/saisines/" + referral)).andReturn().getResponse().getContentAsString())
                .contains("Avis rendu le 15/09/2026", "Avis favorable.", "/saisines/" + referral + "/avis.pdf");
        mvc.perform(get("/saisines/" + referral + "/avis.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes(PDF));
        assertThat(mvc.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString()).contains("/saisines/" + referral + "</loc>");
    }

    @Test
    void advisoryBodiesAreConfigurableAndUniqueByName() throws Exception {
        mvc.perform(post("/admin/saisines/bodies").with(csrf()).with(as(staff)).param("name", "Conseil de développement")
                .param("description", "Instance de la société civile.")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/saisines/bodies").with(csrf()).with(as(staff)).param("name", "conseil de développement")
                        .param("description", "Doublon."))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Une instance porte déjà ce nom.")));
        assertThat(referrals.bodies()).extracting(Referrals.AdvisoryBody::name)
                .contains("CESER Centre-Val de Loire", "Conseil régional des jeunes", "Conseil de développement");
    }
}
