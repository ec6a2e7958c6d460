package org.agora.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManagerFactory;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class SearchTests {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;SRC1;Région de la recherche;;
            DEPARTEMENT;SRC11;Département du Nord;SRC1;
            LIVING_AREA;SRC111;Bassin du Nord;SRC11;
            COMMUNE;SRC1111;Commune-du-Nord;SRC111;99601
            DEPARTEMENT;SRC12;Département du Sud;SRC1;
            LIVING_AREA;SRC121;Bassin du Sud;SRC12;
            COMMUNE;SRC1211;Commune-du-Sud;SRC121;99602
            """;

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired SearchIndex index;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired JdbcTemplate jdbc;

    People people;
    ProposalFixtures proposals;
    ProcessSettings process;
    AgoraUser author;
    long region;
    long north;
    long northCommune;
    long southCommune;

    @BeforeEach
    void setUp() {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        region = territories.findByCode(TerritoryKind.REGION, "SRC1").orElseThrow().id();
        north = territories.findByCode(TerritoryKind.DEPARTEMENT, "SRC11").orElseThrow().id();
        northCommune = territories.findByCode(TerritoryKind.COMMUNE, "SRC1111").orElseThrow().id();
        southCommune = territories.findByCode(TerritoryKind.COMMUNE, "SRC1211").orElseThrow().id();
        people = new People(context.getBean(AccountManagement.class));
        process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Recherche", region, List.of("Éducation", "Mobilités"), null, null);
        proposals = new ProposalFixtures(context);
        author = people.participant();
    }

    String publish(String title, String body, long territoryId) {
        return proposals.publish(process, author, title, body, territoryId, "Éducation");
    }

    String search(String query) throws Exception {
        return page("/search?process=" + process.slug() + "&" + query, status().isOk());
    }

    String page(String url, ResultMatcher expected) throws Exception {
        return mvc.perform(get(url)).andExpect(expected).andReturn().getResponse().getContentAsString();
    }

    @Test
    void frenchAnalysisIgnoresElisionsAccentsAndPlurals() throws Exception {
        String schools = publish("Les écoles ouvertes le samedi", "Des ateliers pour les familles le week-end.", northCommune);
        String bikes = publish("Des vélos en libre service", "Prêter des bicyclettes aux habitants des bourgs.", northCommune);

        assertThat(search("q=l'école")).contains(schools).contains("<mark>écoles</mark>").doesNotContain(bikes);
        assertThat(search("q=l’ECOLE")).contains(schools);
        assertThat(search("q=velo")).contains(bikes).contains("<mark>vélos</mark>").doesNotContain(schools);
    }

    @Test
    void aTerritoryFilterIncludesTheTerritoriesWithinIt() throws Exception {
        String northern = publish("Un marché de producteurs au nord", "Un marché hebdomadaire de producteurs locaux.", northCommune);
        String southern = publish("Un marché de producteurs au sud", "Un marché hebdomadaire de producteurs locaux.", southCommune);

        assertThat(search("q=marché&territory=" + north)).contains(northern).doesNotContain(southern);
        assertThat(search("q=marché&territory=" + region)).contains(northern, southern);
    }

    @Test
    void resultsArePaginatedWithTheFiltersKeptInThePageLinks() throws Exception {
        for (int i = 1; i <= 12; i++) {
            publish("Restaurer le lavoir numéro " + i, "Un patrimoine rural à sauver, étape " + i + ".", northCommune);
        }

        String first = search("q=lavoir&territory=" + north);
        assertThat(first).contains("12 résultats").containsPattern("page=2\"")
                .contains("territory=" + north + "&amp;").contains("process=" + process.slug());
        assertThat(first.split("class=\"card\"", -1)).hasSize(11);
        String second = search("q=lavoir&territory=" + north + "&page=2");
        assertThat(second).contains("start=\"11\"");
        assertThat(second.split("class=\"card\"", -1)).hasSize(3);
        assertThat(search("q=lavoir&territory=" + north + "&page=5")).contains("12 résultats")
                .doesNotContain("class=\"card\"");
    }

    @Test
    void hiddenProposalsAndTheirCommentsAreNeverFoundUntilRestored() throws Exception {
        String reference = publish("Des toilettes publiques accessibles", "Dans chaque gare routière du département.", northCommune);
        AgoraUser commenter = people.participant();
        mvc.perform(post("/comments").with(csrf()).with(People.as(commenter)).param("resourceType", "proposal")
                .param("resourceId", Long.toString(proposals.idOf(reference))).param("stance", "FOR")
                .param("body", "Les toilettes des gares sont souvent fermées le dimanche."))
                .andExpect(status().is3xxRedirection());
        assertThat(search("q=toilettes")).contains(reference).contains("souvent fermées");

        proposals.hide(reference);
        assertThat(search("q=toilettes")).doesNotContain(reference).doesNotContain("souvent fermées");

        proposals.restore(reference);
        assertThat(search("q=toilettes")).contains(reference).contains("souvent fermées");
    }

    @Test
    void commentsAreFoundByTheirCurrentWordsUntilDeleted() throws Exception {
        String reference = publish("Un terrain de pétanque couvert", "Pour jouer même quand il pleut.", northCommune);
        AgoraUser commenter = people.participant();
        String location = mvc.perform(post("/comments").with(csrf()).with(People.as(commenter))
                        .param("resourceType", "proposal").param("resourceId", Long.toString(proposals.idOf(reference)))
                        .param("stance", "FOR").param("body", "Un boulodrome attirerait les clubs voisins."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String commentId = location.substring(location.indexOf("#comment-") + "#comment-".length());
        assertThat(search("q=boulodrome&type=comment")).contains("Commentaire sur")
                .contains("Un terrain de pétanque couvert").contains("#comment-" + commentId);

        mvc.perform(post("/comments/" + commentId + "/edit").with(csrf()).with(People.as(commenter))
                        .param("stance", "FOR").param("body", "Une buvette attirerait les clubs voisins."))
                .andExpect(status().is3xxRedirection());
        assertThat(search("q=boulodrome")).doesNotContain("#comment-" + commentId);
        assertThat(search("q=buvette")).contains("#comment-" + commentId);

        mvc.perform(post("/comments/" + commentId + "/delete").with(csrf()).with(People.as(commenter)))
                .andExpect(status().is3xxRedirection());
        assertThat(search("q=buvette")).doesNotContain("#comment-" + commentId);
    }

    @Test
    void proposalsPublishedAtTheSameTimeAreEachFoundOnce() throws Exception {
        int count = 8;
        List<AgoraUser> authors = IntStream.range(0, count).mapToObj(i -> people.participant()).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> published = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                AgoraUser writer = authors.get(i);
                String title = "Un kiosque à musique, variante " + i;
                published.add(pool.submit(() -> {
                    start.await();
                    return proposals.publish(process, writer, title, "Des concerts gratuits sous le kiosque.",
                            northCommune, "Éducation");
                }));
            }
            start.countDown();
        }

        String html = search("q=kiosque");
        assertThat(html).contains(count + " résultats");
        for (Future<String> future : published) {
            assertThat(html).contains(future.get());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_entries WHERE resource_type = 'proposal' "
                    + "AND resource_id = ?", Integer.class, proposals.idOf(future.get()))).isEqualTo(1);
        }
    }

    @Test
    void aProcessMovedToANewAddressLeadsToItsProposalsAndCommentsThere() throws Exception {
        String reference = publish("Un cinéma itinérant dans les villages", "Une séance par mois sur la place.", northCommune);
        mvc.perform(post("/comments").with(csrf()).with(People.as(people.participant())).param("resourceType", "proposal")
                        .param("resourceId", Long.toString(proposals.idOf(reference))).param("stance", "FOR")
                        .param("body", "Le cinéma en plein air attire toutes les générations."))
                .andExpect(status().is3xxRedirection());
        String newSlug = process.slug() + "-bis";

        process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL)).moveTo(process.id(), newSlug);

        String html = search("q=cinéma");
        assertThat(html).contains("/processes/" + newSlug + "/proposals/" + reference + "\"")
                .contains("/processes/" + newSlug + "/proposals/" + reference + "#comment-")
                .doesNotContain("/processes/" + newSlug.replace("-bis", "") + "/proposals/");
    }

    @Test
    void withdrawnProposalsAreFoundAndMarked() throws Exception {
        String reference = publish("Une navette vers la piscine", "Une navette le mercredi après-midi.", northCommune);
        proposals.withdraw(process, reference, author);

        String html = search("q=navette");
        assertThat(html).contains(reference).contains("Retirée");
        assertThat(search("q=navette&status=published")).doesNotContain(reference);
        assertThat(search("q=navette&status=withdrawn")).contains(reference);
    }

    @Test
    void anEditedProposalIsFoundByItsNewWords() throws Exception {
        String reference = publish("Un composteur collectif par rue", "Des composteurs gérés par les voisins.", northCommune);
        proposals.edit(process, reference, author, "Un poulailler collectif par rue",
                "Des poules gérées par les voisins pour réduire les déchets.", northCommune, "Éducation");

        assertThat(search("q=poulailler")).contains(reference);
        assertThat(search("q=composteur")).doesNotContain(reference);
    }

    @Test
    void excerptsEscapeWhatPeopleWroteAndOnlyMarkTheMatches() throws Exception {
        publish("<script>alert('titre')</script> Jardins partagés",
                "Des jardins <img src=x onerror=alert(1)> <b>partagés</b> dans chaque quartier.", northCommune);

        String html = search("q=jardins");
        assertThat(html).contains("<mark>Jardins</mark>").contains("<mark>jardins</mark>")
                .contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>partagés");
    }

    @Test
    void similarPublishedProposalsOfTheSameProcessAreSuggestedWhileWriting() throws Exception {
        String library = publish("Ouvrir la médiathèque le dimanche", "La médiathèque fermée le dimanche prive les familles.", northCommune);
        String unrelated = publish("Planter des arbres fruitiers", "Des vergers publics dans les parcs.", northCommune);
        ProcessSettings other = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Autre recherche", region, List.of("Éducation"), null, null);
        String elsewhere = proposals.publish(other, author, "Ouvrir les médiathèques le dimanche", "Pour les étudiants.", northCommune, "Éducation");

        String fragment = mvc.perform(get("/search/similar").param("process", process.slug())
                        .param("title", "Les médiathèques ouvertes le dimanche").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains(library).doesNotContain(unrelated).doesNotContain(elsewhere)
                .doesNotContain("<html");

        String page = page("/search/similar?process=" + process.slug() + "&title=mediatheque", status().isOk());
        assertThat(page).contains(library).contains("<h1");

        proposals.hide(library);
        assertThat(page("/search/similar?process=" + process.slug() + "&title=mediatheque", status().isOk()))
                .doesNotContain(library);
        assertThat(page("/search/similar?process=inconnue&title=mediatheque", status().isBadRequest()))
                .doesNotContain(library);
    }

    @Test
    void theProposalPagesLeadToSearchWithoutDependingOnIt() throws Exception {
        String list = page("/processes/" + process.slug() + "/proposals?territory=" + north, status().isOk());
        assertThat(list).contains("action=\"/search\"").contains("name=\"process\" value=\"" + process.slug() + "\"")
                .contains("name=\"territory\" value=\"" + north + "\"");

        String form = mvc.perform(get("/processes/" + process.slug() + "/proposals/new").with(People.as(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("hx-get=\"/search/similar?process=" + process.slug() + "\"")
                .contains("id=\"similar-proposals\"");

        long draft = proposals.draft(process, author, "Une ludothèque dans chaque bourg", "Des jeux à emprunter.",
                northCommune, "Éducation");
        String preview = mvc.perform(get("/processes/" + process.slug() + "/proposals/drafts/" + draft)
                        .with(People.as(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("href=\"/search/similar?process=" + process.slug() + "&amp;title=");
    }

    @Test
    void anEmptyQueryShowsAHintAndBadInputIsAClientError() throws Exception {
        assertThat(page("/search", status().isOk())).contains("Saisissez un ou plusieurs mots");
        assertThat(mvc.perform(get("/search").param("q", "   ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Saisissez un ou plusieurs mots");
        page("/search?q=velo&page=-1", status().isBadRequest());
        page("/search?q=velo&page=99999999999999999999", status().isBadRequest());
        page("/search?q=velo&page=abc", status().isBadRequest());
        page("/search?q=velo&type=secret", status().isBadRequest());
        page("/search?q=velo&territory=0", status().isBadRequest());
        page("/search?q=velo&process=inconnue", status().isBadRequest());
        assertThat(page("/search?q=" + "a".repeat(201), status().isBadRequest())).contains("200 caractères");
        for (String odd : List.of("\"velo AND (", "*", "-", "~", "\"", "l'", "<script>", "velo~99 +-|")) {
            assertThat(mvc.perform(get("/search").param("q", odd)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString()).contains("<h2").doesNotContain("<script>");
        }
    }

    @Test
    void onlyAdministratorsRebuildTheIndexAndNothingIsLostOrDuplicated() throws Exception {
        String reference = publish("Des bancs le long du canal", "Pour que les aînés puissent se reposer.", northCommune);
        mvc.perform(post("/admin/search/reindex").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/admin/search/reindex").with(csrf()).with(People.as(people.participant())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/reindex").with(csrf()).with(People.as(people.staff(RoleScope.GLOBAL))))
                .andExpect(status().isForbidden());
        long before = index.entries();

        mvc.perform(post("/admin/search/reindex").with(csrf()).with(People.as(people.administrator())))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/admin/search"));

        assertThat(index.entries()).isEqualTo(before);
        assertThat(index.documents()).isEqualTo(before);
        assertThat(search("q=bancs")).contains(reference);
        assertThat(mvc.perform(get("/admin/search").with(People.as(people.administrator())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Reconstruire");
    }

    @Test
    void aStartReindexesTheStoredEntriesWhenTheIndexLostThem() throws Exception {
        String reference = publish("Une fontaine à eau sur la place", "De l’eau potable pour les promeneurs.", northCommune);
        var workspace = Search.mapping(entityManagerFactory).scope(SearchEntry.class).workspace();
        workspace.purge();
        workspace.refresh();
        assertThat(index.documents()).isZero();
        assertThat(search("q=fontaine")).doesNotContain(reference);

        index.run(null);

        assertThat(index.documents()).isEqualTo(index.entries());
        assertThat(search("q=fontaine")).contains(reference);
    }

    @Test
    void processesAreFoundAndTheSearchPageIsInTheSitemap() throws Exception {
        assertThat(page("/search?q=recherche&type=process", status().isOk())).contains("/processes/" + process.slug());
        assertThat(page("/sitemap.xml", status().isOk())).contains("/search</loc>");
        assertThat(mvc.perform(get("/search").param("q", "recherche").param("type", "process")
                        .cookie(new jakarta.servlet.http.Cookie("agora_lang", "en")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("<h1>Search</h1>").contains(">Process<");
    }
}
