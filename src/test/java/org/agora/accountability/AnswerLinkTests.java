package org.agora.accountability;

import org.agora.AgoraTest;
import org.agora.DatabaseTest;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An answer names what its proposal fed; on publication the link becomes a contribution, shown on both sides. */
@AgoraTest
@DatabaseTest
class AnswerLinkTests extends EvaluationTestSupport {

    @Test
    void aDestinationThatFeedsSomethingRequiresALinkOfItsOwnKindThatExists() throws Exception {
        PublicProposal proposal = proposal("Un plan vélo régional");
        assign(proposal, evaluator);
        long chantier = destination(DestinationKind.WORK_PROGRAMME);
        long measure = target(ContributionKind.IMMEDIATE_MEASURE, "Des arceaux dans les gares");

        answer(proposal, evaluator, chantier, "Elle nourrit un chantier.", "", "", version(proposal))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Cette destination exige de dire ce que la proposition a nourri.")));
        answer(proposal, evaluator, chantier, "Elle nourrit un chantier.", "", "IMMEDIATE_MEASURE:" + measure, version(proposal))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("parmi les éléments du type de la destination")));
        answer(proposal, evaluator, chantier, "Elle nourrit un chantier.", "", "WORK_PROGRAMME:987654321", version(proposal))
                .andExpect(status().isBadRequest());
        answer(proposal, evaluator, chantier, "Elle nourrit un chantier.", "", "WORK_PROGRAMME:abc", version(proposal))
                .andExpect(status().isBadRequest());
        answer(proposal, evaluator, destination(DestinationKind.NOT_RETAINED), "Merci.", "Hors compétence.",
                "IMMEDIATE_MEASURE:" + measure, version(proposal)).andExpect(status().isBadRequest());
        assertThat(state(proposal)).isEqualTo("ASSIGNED");

        long programme = target(ContributionKind.WORK_PROGRAMME, "Mobilités douces");
        answer(proposal, evaluator, chantier, "Elle nourrit un chantier.", "", "WORK_PROGRAMME:" + programme, version(proposal))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("SELECT link_kind, link_target FROM evaluation WHERE proposal_id = ?", proposal.id().value()))
                .containsValues("WORK_PROGRAMME", programme);
        page(evaluator, base() + "/evaluation/" + proposal.id().value())
                .andExpect(content().string(containsString("value=\"WORK_PROGRAMME:" + programme + "\" selected")));
    }

    @Test
    void aStaleVersionIsToldEvenWithAValidLinkAndNothingIsWritten() throws Exception {
        PublicProposal proposal = proposal("Des pistes cyclables sécurisées");
        assign(proposal, evaluator);
        long read = version(proposal);
        long chantier = destination(DestinationKind.WORK_PROGRAMME);
        answer(proposal, evaluator, chantier, "Première.", "", read).andExpect(status().is3xxRedirection());
        String first = jdbc.queryForObject("SELECT link_target FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value());

        answer(proposal, people.staff(org.agora.accounts.RoleScope.process(processId)), chantier, "Seconde.", "", read)
                .andExpect(status().isConflict());

        assertThat(jdbc.queryForObject("SELECT link_target FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value())).isEqualTo(first);
    }

    @Test
    void thePublishedLinkShowsOnTheTargetPageAndTheTimelineNotBefore() throws Exception {
        PublicProposal proposal = proposal("Un RER métropolitain à Orléans");
        assign(proposal, evaluator);
        long programme = target(ContributionKind.WORK_PROGRAMME, "Transports du quotidien");
        String slug = jdbc.queryForObject("SELECT slug FROM work_programme WHERE id = ?", String.class, programme);
        answer(proposal, evaluator, destination(DestinationKind.WORK_PROGRAMME), "Elle nourrit le chantier des transports.",
                "", "WORK_PROGRAMME:" + programme, version(proposal)).andExpect(status().is3xxRedirection());
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/validate");

        assertThat(page(null, "/chantiers/" + slug).andReturn().getResponse().getContentAsString())
                .doesNotContain("Un RER métropolitain à Orléans");
        assertThat(publicPage(proposal)).doesNotContain("Transports du quotidien");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE proposal_id = ?", Integer.class,
                proposal.id().value())).isZero();

        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/publish");

        assertThat(page(null, "/chantiers/" + slug).andReturn().getResponse().getContentAsString())
                .contains("Un RER métropolitain à Orléans");
        assertThat(publicPage(proposal)).contains("Chantier « Transports du quotidien » : À venir, 0 %",
                "href=\"/chantiers/" + slug + "\"", "Elle a nourri :");
    }

    @Test
    void aTransmissionShowsToWhomWhenAndTheReplyDateOnceItComes() throws Exception {
        PublicProposal proposal = proposal("Une déviation pour les poids lourds");
        assign(proposal, evaluator);
        long transmission = target(ContributionKind.TRANSMISSION, "Déviation des poids lourds");
        answer(proposal, evaluator, destination(DestinationKind.OTHER_LEVEL), "Transmise au département.", "",
                "TRANSMISSION:" + transmission, version(proposal)).andExpect(status().is3xxRedirection());
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/validate");
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/publish");

        assertThat(publicPage(proposal)).contains("Transmise à Département du Loiret (département) le 2 mars 2026")
                .doesNotContain("Réponse reçue le");
        context.getBean(Transmissions.class).recordReply(transmission, "Étude lancée.", "2026-04-15");
        assertThat(publicPage(proposal)).contains("Réponse reçue le 15 avril 2026");
    }

    @Test
    void aLinkStaffAlreadyMadeByHandIsNotDuplicatedAndBulkAnswersNeedNoLink() throws Exception {
        PublicProposal linked = proposal("Des repas bio dans les lycées");
        PublicProposal bulk = proposal("Des fruits à la récréation");
        long measure = target(ContributionKind.IMMEDIATE_MEASURE, "Cantines bio");
        context.getBean(Contributions.class).link(ContributionKind.IMMEDIATE_MEASURE, measure, linked.id());
        assign(linked, evaluator);
        answer(linked, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Une mesure est prise.", "",
                "IMMEDIATE_MEASURE:" + measure, version(linked)).andExpect(status().is3xxRedirection());
        long template = management.addTemplate(evaluator, processId, "Mesure", "Merci {pseudonyme}.").getId();
        send(evaluator, base() + "/evaluation/bulk", "action", "template", "templateId", Long.toString(template),
                "destinationId", Long.toString(destination(DestinationKind.IMMEDIATE_MEASURE)),
                "proposal", Long.toString(bulk.id().value())).andExpect(status().is3xxRedirection());

        send(administrator, base() + "/evaluation/bulk", "action", "validate",
                "proposal", Long.toString(linked.id().value()), "proposal", Long.toString(bulk.id().value()));
        send(administrator, base() + "/evaluation/bulk", "action", "publish",
                "proposal", Long.toString(linked.id().value()), "proposal", Long.toString(bulk.id().value()));

        assertThat(java.util.List.of(state(linked), state(bulk))).containsOnly("PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE proposal_id = ?", Integer.class,
                linked.id().value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE proposal_id = ?", Integer.class,
                bulk.id().value())).isZero();
        assertThat(publicPage(linked)).contains("Mesure « Cantines bio » : Décidée");
    }

    @Test
    void anEvaluatorCreatesATransmissionInlineWhichExistsOnlyOncePublished() throws Exception {
        PublicProposal proposal = proposal("Un échangeur sur la rocade");
        assign(proposal, evaluator);
        long otherLevel = destination(DestinationKind.OTHER_LEVEL);
        String path = base() + "/evaluation/" + proposal.id().value() + "/answer";
        send(evaluator, path, "destinationId", Long.toString(otherLevel), "text", "Transmise à l'État.", "link", "",
                "newRecipient", "Préfecture du Loiret", "newLevel", "PLANETE", "newSentOn", "2026-05-04",
                "version", Long.toString(version(proposal))).andExpect(status().isBadRequest());
        send(evaluator, path, "destinationId", Long.toString(otherLevel), "text", "Transmise à l'État.", "link", "",
                "newRecipient", "Préfecture du Loiret", "newLevel", "STATE", "newSentOn", "hier",
                "version", Long.toString(version(proposal))).andExpect(status().isBadRequest());
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM transmission", Integer.class);
        send(evaluator, path, "destinationId", Long.toString(otherLevel), "text", "Transmise à l'État.", "link", "",
                "newRecipient", "Préfecture du Loiret", "newLevel", "STATE", "newSentOn", "2026-05-04",
                "version", Long.toString(version(proposal))).andExpect(status().is3xxRedirection());
        page(evaluator, base() + "/evaluation/" + proposal.id().value())
                .andExpect(content().string(containsString("value=\"Préfecture du Loiret\"")));
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/validate");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transmission", Integer.class)).isEqualTo(before);

        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/publish");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM transmission", Integer.class)).isEqualTo(before + 1);
        assertThat(publicPage(proposal)).contains("Transmise à Préfecture du Loiret (État) le 4 mai 2026");
    }

    @Test
    void anAnswerNamingAProgrammeDeletedSinceIsStillPublishedWithoutTheLink() throws Exception {
        PublicProposal proposal = proposal("Un bus de nuit le samedi");
        assign(proposal, evaluator);
        long programme = target(ContributionKind.WORK_PROGRAMME, "Chantier supprimé");
        answer(proposal, evaluator, destination(DestinationKind.WORK_PROGRAMME), "Elle nourrit un chantier.", "",
                "WORK_PROGRAMME:" + programme, version(proposal)).andExpect(status().is3xxRedirection());
        context.getBean(WorkProgrammes.class).deleteProgramme(programme);
        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/validate");

        send(administrator, base() + "/evaluation/" + proposal.id().value() + "/publish").andExpect(status().is3xxRedirection());

        assertThat(state(proposal)).isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE proposal_id = ?", Integer.class,
                proposal.id().value())).isZero();
    }
}
