package org.agora.accountability;

import java.util.List;

import org.agora.AgoraTest;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each process's destinations: the default five, and what administrators make of them. */
@AgoraTest
class DestinationTests extends EvaluationTestSupport {

    private List<String> labels() {
        return jdbc.queryForList("SELECT label_fr FROM destination WHERE process_id = ? ORDER BY position", String.class, processId);
    }

    @Test
    void aPublishedProcessGetsTheFiveDefaultDestinations() {
        assertThat(labels()).containsExactly("Charte et cadre éthique", "Mesure immédiate", "Chantier", "Autre échelon",
                "Non retenue");
        assertThat(jdbc.queryForList("SELECT kind FROM destination WHERE process_id = ? AND reason_required ORDER BY position",
                String.class, processId)).containsExactly("NOT_RETAINED");
    }

    @Test
    void administratorsAddEditAndReorderDestinations() throws Exception {
        page(administrator, base() + "/destinations").andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mesure immédiate")));
        send(administrator, base() + "/destinations", "labelFr", "Expérimentation", "labelEn", "Trial",
                "description", "Testée dans un territoire pilote.", "icon", "STAR", "kind", "OTHER")
                .andExpect(status().is3xxRedirection());
        assertThat(labels()).last().isEqualTo("Expérimentation");
        long added = jdbc.queryForObject("SELECT id FROM destination WHERE process_id = ? AND label_fr = 'Expérimentation'",
                Long.class, processId);

        send(administrator, base() + "/destinations/" + added + "/move", "direction", "up").andExpect(status().is3xxRedirection());
        assertThat(labels().get(4)).isEqualTo("Expérimentation");

        send(administrator, base() + "/destinations/" + added, "labelFr", "Expérimentation locale", "labelEn", "",
                "description", "Testée dans un territoire pilote.", "icon", "PIN", "kind", "OTHER", "reasonRequired", "true")
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForMap("SELECT label_fr, label_en, icon, reason_required FROM destination WHERE id = ?", added))
                .containsEntry("label_fr", "Expérimentation locale").containsEntry("icon", "PIN")
                .containsEntry("reason_required", true).containsEntry("label_en", null);
    }

    @Test
    void aDestinationWithoutLabelOrWithAnUnknownIconIsRefusedWithFieldMessages() throws Exception {
        send(administrator, base() + "/destinations", "labelFr", " ", "description", "", "icon", "SKULL", "kind", "OTHER")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez un libellé")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choisissez un symbole")));
        assertThat(labels()).hasSize(5);
    }

    @Test
    void onlyAnUnusedDestinationIsDeleted() throws Exception {
        PublicProposal proposal = proposal("Des navettes pour les villages du bassin");
        assign(proposal, evaluator);
        long used = destination(DestinationKind.WORK_PROGRAMME);
        answer(proposal, evaluator, used, "Elle nourrit le chantier des mobilités.", "", version(proposal));

        send(administrator, base() + "/destinations/" + used + "/delete")
                .andExpect(flash().attribute("flashError", "accountability.destination.inUse"));
        send(administrator, base() + "/destinations/" + destination(DestinationKind.CHARTER) + "/delete")
                .andExpect(flash().attribute("flash", "accountability.destination.flash.deleted"));

        assertThat(labels()).containsExactly("Mesure immédiate", "Chantier", "Autre échelon", "Non retenue");
    }

    @Test
    void participantsAndStaffOfOtherProcessesAndEvaluatorsCannotManageDestinations() throws Exception {
        page(people.participant(), base() + "/destinations").andExpect(status().isForbidden());
        page(otherProcessStaff(), base() + "/destinations").andExpect(status().isForbidden());
        page(evaluator, base() + "/destinations").andExpect(status().isForbidden());
        send(evaluator, base() + "/destinations", "labelFr", "Pirate", "description", "x", "icon", "STAR", "kind", "OTHER")
                .andExpect(status().isForbidden());
        assertThat(labels()).hasSize(5);
    }

    @Test
    void anUnknownProcessOrDestinationIsNotFound() throws Exception {
        page(administrator, "/admin/processes/987654321/destinations").andExpect(status().isNotFound());
        page(administrator, base() + "/destinations/987654321/edit").andExpect(status().isNotFound());
    }
}
