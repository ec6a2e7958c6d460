package org.agora.accountability;

import jakarta.servlet.http.Cookie;

import org.agora.AgoraTest;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public page « Ce que sont devenues vos propositions » and the public list of each destination. */
@AgoraTest
class BreakdownTests extends BreakdownTestSupport {

    @Test
    void onlyPublishedAnswersCountAndTheOthersAreUnderReviewOrNotYetExamined() throws Exception {
        publishAnswer(proposal("Des pistes cyclables"), DestinationKind.WORK_PROGRAMME, "Elle nourrit le chantier mobilités.");
        publishAnswer(proposal("Un bus de nuit"), DestinationKind.WORK_PROGRAMME, "Elle nourrit aussi le chantier.");
        PublicProposal proposed = proposal("Des abris vélos");
        assign(proposed, evaluator);
        answer(proposed, evaluator, destination(DestinationKind.IMMEDIATE_MEASURE), "Pas encore public.", "", version(proposed));
        proposal("Une fontaine");

        Document page = breakdown();
        assertThat(count(page, "destinations", "Chantier")).isEqualTo("2");
        assertThat(count(page, "destinations", "Mesure immédiate")).isEqualTo("0");
        assertThat(count(page, "destinations", "En cours d'examen")).isEqualTo("1");
        assertThat(count(page, "destinations", "Pas encore examinées")).isEqualTo("1");
        assertThat(page.text()).doesNotContain("Pas encore public.");
    }

    @Test
    void hiddenAndMergedProposalsAreNeverCounted() throws Exception {
        PublicProposal kept = proposal("Un tiers-lieu par bassin");
        PublicProposal duplicate = proposal("Un tiers-lieu dans chaque bassin");
        PublicProposal hidden = proposal("Un texte masqué");
        proposals.merge(evaluator, duplicate, kept);
        proposals.hide(hidden.reference());

        Document page = breakdown();
        assertThat(count(page, "destinations", "Pas encore examinées")).isEqualTo("1");
        assertThat(count(page, "themes", "Mobilités")).isEqualTo("1");
        assertThat(page.select("section[aria-labelledby=destinations-title] tfoot td").first().text()).isEqualTo("1");
    }

    @Test
    void aDepartementCountsTheProposalsOfItsLivingAreasAndCommunesAndLinksToTheFilteredList() throws Exception {
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        long departement = territories.findByCode(TerritoryKind.DEPARTEMENT, "ACC11").orElseThrow().id();
        long region = territories.findByCode(TerritoryKind.REGION, "ACC1").orElseThrow().id();
        publishAnswer(proposal("Dans la commune"), DestinationKind.CHARTER, "Elle nourrit la charte.");
        proposals.publish(process, author, "Dans le département", departement);
        proposals.publish(process, author, "Pour toute la région", region);

        Document page = breakdown();
        Element row = row(page, "territories", "Département des réponses");
        assertThat(row.select("td").get(0).text()).isEqualTo("2");
        assertThat(row.select("td a").get(0).attr("href"))
                .isEqualTo("/processes/" + process.slug() + "/proposals?territory=" + departement);
        assertThat(row.select("td").get(1).text()).isEqualTo("1");
        assertThat(row.select("td a").get(1).attr("href")).endsWith("territory=" + departement + "&status=answered");
        assertThat(count(page, "territories", "Tout le territoire (sans département précis)")).isEqualTo("1");
        assertThat(row(page, "themes", "Mobilités").select("td a").first().attr("href"))
                .isEqualTo("/processes/" + process.slug() + "/proposals?theme=Mobilit%C3%A9s");
    }

    @Test
    void eachDestinationLinksToThePublicListOfItsAnswersWithTheirExcerpt() throws Exception {
        publishAnswer(proposal("Une navette vers la gare"), DestinationKind.OTHER_LEVEL, "Transmise à la communauté de communes.");
        proposal("Sans réponse");
        long other = destination(DestinationKind.OTHER_LEVEL);

        Element link = row(breakdown(), "destinations", "Autre échelon").select("a").first();
        assertThat(link.attr("href")).isEqualTo("/processes/" + process.slug() + "/suites/" + other);
        Document list = Jsoup.parse(page(null, link.attr("href")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("main li.card")).hasSize(1);
        assertThat(list.select("main li.card").text()).contains("Une navette vers la gare")
                .contains("Transmise à la communauté de communes.");
        assertThat(list.text()).doesNotContain("Sans réponse");
    }

    @Test
    void thePageIsInEnglishOnRequestAndUnknownProcessesOrDestinationsAre404() throws Exception {
        Document english = Jsoup.parse(mvc.perform(get("/processes/" + process.slug() + "/suites").cookie(new Cookie("agora_lang", "en")))
                .andReturn().getResponse().getContentAsString());
        assertThat(english.select("h1").text()).startsWith("What became of your proposals");
        assertThat(english.select("section[aria-labelledby=destinations-title] ul li").text()).contains("Work programme");
        page(null, "/processes/nulle-part/suites").andExpect(status().isNotFound());
        page(null, "/processes/" + process.slug() + "/suites/999999999").andExpect(status().isNotFound());
    }

    @Test
    void theProcessPageTheProposalListAndTheSitemapLinkToThePage() throws Exception {
        String path = "/processes/" + process.slug() + "/suites";
        assertThat(Jsoup.parse(page(null, "/processes/" + process.slug()).andReturn().getResponse().getContentAsString())
                .select("a[href=" + path + "]")).hasSize(1);
        assertThat(Jsoup.parse(page(null, "/processes/" + process.slug() + "/proposals").andReturn().getResponse()
                .getContentAsString()).select("a[href=" + path + "]")).hasSize(1);
        assertThat(page(null, "/sitemap.xml").andReturn().getResponse().getContentAsString())
                .contains(path + "</loc>").contains(path + "/" + destination(DestinationKind.CHARTER) + "</loc>");
    }

    Document breakdown() throws Exception {
        return Jsoup.parse(page(null, "/processes/" + process.slug() + "/suites").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The row of a chart's data table whose header is this label. */
    static Element row(Document page, String chart, String label) {
        return page.select("section[aria-labelledby=" + chart + "-title] tbody tr").stream()
                .filter(row -> row.select("th > span:last-child").text().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    static String count(Document page, String chart, String label) {
        return row(page, chart, label).select("td").first().text();
    }
}
