package org.agora.accountability;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.proposals.PublicProposal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The CSV exports of a process's proposals, read back with a CSV parser as a spreadsheet would. */
@AgoraTest
class ProposalExportTests extends BreakdownTestSupport {

    @Test
    void thePublicExportHasNoPersonalDataOnlyPublishedAnswersAndNoHiddenProposal() throws Exception {
        PublicProposal answered = proposal("Des pistes cyclables");
        publishAnswer(answered, DestinationKind.WORK_PROGRAMME, "Elle nourrit le chantier mobilités.");
        PublicProposal proposed = proposal("Un bus de nuit");
        assign(proposed, evaluator);
        answer(proposed, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Réponse pas encore publiée", "",
                version(proposed));
        proposals.hide(proposal("Un texte masqué").reference());

        String csv = page(null, publicPath()).andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").doesNotContain("Réponse pas encore publiée").doesNotContain("Un texte masqué")
                .doesNotContain(author.pseudonym()).doesNotContain("@");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows.getFirst().toList()).containsExactly("référence", "titre", "statut", "destination", "réponse",
                "territoire", "code du territoire", "thème", "soutiens", "commentaires", "publiée le", "réponse publiée le");
        assertThat(rows).hasSize(3);
        CSVRecord first = rows.get(1);
        assertThat(first.get(0)).isEqualTo(answered.reference());
        assertThat(first.get(2)).isEqualTo("répondue");
        assertThat(first.get(3)).isEqualTo("Chantier");
        assertThat(first.get(4)).isEqualTo("Elle nourrit le chantier mobilités.");
        assertThat(first.get(5)).isEqualTo("Commune-des-Réponses");
        assertThat(first.get(6)).isEqualTo("ACC1111");
        assertThat(first.get(7)).isEqualTo("Mobilités");
        assertThat(first.get(11)).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(rows.get(2).get(2)).isEqualTo("en cours d'examen");
        assertThat(rows.get(2).get(3)).isEmpty();
    }

    @Test
    void theStaffExportIsCompleteForStaffOfTheProcessAndForbiddenToParticipants() throws Exception {
        PublicProposal proposed = proposal("Un bus de nuit");
        assign(proposed, evaluator);
        answer(proposed, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Réponse pas encore publiée", "",
                version(proposed));
        proposals.hide(proposal("Un texte masqué").reference());

        List<CSVRecord> rows = parse(page(evaluator, staffPath()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows.getFirst().toList()).endsWith("auteur ou autrice", "e-mail", "état de l'évaluation",
                "évaluateur ou évaluatrice", "réponse proposée (non publiée)", "masquée par la modération");
        assertThat(rows).hasSize(3);
        CSVRecord row = rows.get(1);
        assertThat(row.get(12)).isEqualTo(author.pseudonym());
        assertThat(row.get(13)).contains("@");
        assertThat(row.get(14)).isEqualTo("PROPOSED");
        assertThat(row.get(15)).isEqualTo(evaluator.pseudonym());
        assertThat(row.get(16)).isEqualTo("Réponse pas encore publiée");
        assertThat(rows.get(2).get(17)).isEqualTo("oui");

        assertThat(page(evaluator, staffPath().replace("/proposals.csv", "/evaluation")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"" + staffPath() + "\"");
        page(author, staffPath()).andExpect(status().isForbidden());
        page(otherProcessStaff(), staffPath()).andExpect(status().isForbidden());
        page(administrator, "/admin/processes/999999999/proposals.csv").andExpect(status().isNotFound());
        page(null, "/processes/nulle-part/suites/proposals.csv").andExpect(status().isNotFound());
    }

    @Test
    void cellsAreQuotedAndNeutralisedAgainstFormulas() throws Exception {
        proposals.publish(process, author, "=HYPERLINK(\"http://x\";\"clic\")", commune);
        proposals.publish(process, author, "@SUM(A1) ; -2 + 3", commune);

        String csv = page(null, publicPath()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = parse(csv);
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://x\";\"clic\")");
        assertThat(rows.get(2).get(1)).isEqualTo("'@SUM(A1) ; -2 + 3");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"").contains("\r\n");
        assertThat(ProposalExport.cell("+33 6")).isEqualTo("'+33 6");
        assertThat(ProposalExport.cell("-1")).isEqualTo("'-1");
        assertThat(ProposalExport.cell("ligne 1\nligne 2")).isEqualTo("\"ligne 1\nligne 2\"");
        assertThat(ProposalExport.cell("simple")).isEqualTo("simple");
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        assertThat(csv).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(new StringReader(csv.substring(1))).getRecords();
    }

    String publicPath() {
        return "/processes/" + process.slug() + "/suites/proposals.csv";
    }

    String staffPath() {
        return "/admin/processes/" + processId + "/proposals.csv";
    }
}
