package org.agora.library;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.agora.People.as;
import static org.agora.library.LibraryFixtures.draft;
import static org.agora.library.LibraryFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Browsing the library: search and filters, similar initiatives, the territory view, resources, feeds, the network. */
@AgoraTest
class LibraryBrowsingTest {

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired InitiativeManagement initiatives;
    @Autowired InitiativeCatalogue catalogue;
    @Autowired ResourceManagement resources;
    @Autowired NetworkManagement network;

    LibraryFixtures places;
    AgoraUser staff;
    AgoraUser participant;

    @BeforeEach
    void placesAndPeople() {
        places = new LibraryFixtures(context);
        People people = new People(accounts);
        staff = people.staff(RoleScope.GLOBAL);
        participant = people.participant();
    }

    @Test
    void searchIgnoresAccentsRanksTitlesFirstAndMarksTheWords() {
        long inSummary = initiatives.publishShowcase("browse-rank-1", new InitiativeDraft("Parcours : les promenades",
                "Des promenades pour découvrir la rivière Zébrule et ses berges.", InitiativeKind.INFORMATION,
                places.commune, null, "", "", null, null, "", "", "Anne Martin", "anne@example.org", List.of()));
        long inTitle = initiatives.publishShowcase("browse-rank-2", new InitiativeDraft("Parcours : la Zébrule en débat",
                "Une concertation sur les berges.", InitiativeKind.CONCERTATION, places.commune, null, "", "", null, null,
                "", "", "Anne Martin", "anne@example.org", List.of()));

        InitiativeCatalogue.Results results = catalogue.search("zebrule", null, null, null, 1);

        assertThat(results.hits()).extracting(hit -> hit.initiative().id()).containsExactly(inTitle, inSummary);
        assertThat(results.hits().get(1).excerpt()).contains(new Matches.Part("Zébrule", true));
        assertThat(catalogue.search("zebrule berges", null, null, null, 1).total()).isEqualTo(2);
        assertThat(catalogue.search("zebrule promenades", null, null, null, 1).hits())
                .extracting(hit -> hit.initiative().id()).containsExactly(inSummary);
    }

    @Test
    void filtersByTerritoryBelowKindAndTag() throws Exception {
        long inCommune = initiatives.publishShowcase("browse-filter-1",
                draft("Filtre : dans la commune", InitiativeKind.PARTICIPATORY_BUDGET, places.commune, "filtre-ruche"));
        long elsewhere = initiatives.publishShowcase("browse-filter-2",
                draft("Filtre : dans le département voisin", InitiativeKind.PARTICIPATORY_BUDGET, places.otherDepartment,
                        "filtre-ruche"));

        assertThat(catalogue.search("", places.department, null, "filtre-ruche", 1).hits())
                .extracting(hit -> hit.initiative().id()).containsExactly(inCommune);
        assertThat(catalogue.search("", null, InitiativeKind.PARTICIPATORY_BUDGET, "Filtre-Ruche", 1).hits())
                .extracting(hit -> hit.initiative().id()).containsExactlyInAnyOrder(inCommune, elsewhere);
        assertThat(catalogue.search("", null, InitiativeKind.CIVIC_EDUCATION, "filtre-ruche", 1).hits()).isEmpty();

        mvc.perform(get("/initiatives").param("territory", String.valueOf(places.department)).param("tag", "filtre-ruche"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Filtre : dans la commune"),
                        not(containsString("Filtre : dans le département voisin")),
                        containsString("type=\"application/atom+xml\""))));
        mvc.perform(get("/initiatives").param("kind", "NOT_A_KIND")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce filtre n’existe pas")));
        mvc.perform(get("/initiatives").param("territory", "999999999")).andExpect(status().isBadRequest());
    }

    @Test
    void similarInitiativesShareKindTagsOrTerritoryBestFirst() {
        long subject = initiatives.publishShowcase("browse-similar-0",
                draft("Similaire : le sujet", InitiativeKind.CIVIC_EDUCATION, places.commune, "similaire-a", "similaire-b"));
        long closest = initiatives.publishShowcase("browse-similar-1",
                draft("Similaire : même type et mêmes mots-clés", InitiativeKind.CIVIC_EDUCATION, places.otherDepartment,
                        "similaire-a", "similaire-b"));
        long sameArea = initiatives.publishShowcase("browse-similar-2",
                draft("Similaire : même commune", InitiativeKind.OTHER, places.commune, "similaire-a"));
        long unrelated = initiatives.publishShowcase("browse-similar-3",
                draft("Similaire : rien en commun", InitiativeKind.PARTICIPATORY_BUDGET, places.otherDepartment, "autre"));

        List<InitiativeCatalogue.Similar> similar = catalogue.similar(initiatives.visible(null, subject).orElseThrow(), 50);

        List<Long> ids = similar.stream().map(found -> found.initiative().id()).toList();
        assertThat(ids).contains(closest, sameArea).doesNotContain(subject, unrelated);
        assertThat(ids.indexOf(closest)).isLessThan(ids.indexOf(sameArea));
        assertThat(similar.getFirst().sharedTags()).containsExactly("similaire-a", "similaire-b");
    }

    @Test
    void theTerritoryViewCountsPublishedInitiativesPerDepartmentAndLivingArea() throws Exception {
        long before = areaCount();
        initiatives.publishShowcase("browse-territory-1", draft("Territoire : une de plus", InitiativeKind.OTHER, places.commune));
        initiatives.propose(participant, draft("Territoire : pas encore publiée", InitiativeKind.OTHER, places.commune));

        assertThat(areaCount()).isEqualTo(before + 1);
        mvc.perform(get("/initiatives/territoires")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bassin des initiatives"),
                        containsString("Département des initiatives"))));
    }

    private long areaCount() {
        return catalogue.territoryView().stream().filter(area -> area.territory().id() == places.department)
                .flatMap(area -> area.areas().stream()).filter(area -> area.territory().id() == places.livingArea)
                .findFirst().orElseThrow().count();
    }

    @Test
    void theFeedsAreAtomWithTheNewestPublishedEntries() throws Exception {
        long initiative = initiatives.publishShowcase("browse-feed-1", draft("Flux : une initiative & des « guillemets »",
                InitiativeKind.OTHER, places.commune));
        long proposed = initiatives.propose(participant, draft("Flux : pas publiée", InitiativeKind.OTHER, places.commune));
        long published = resources.create(staff, resource("Flux : une ressource publiée", ResourceKind.SLIDES), true);
        resources.create(staff, resource("Flux : une ressource en brouillon", ResourceKind.SLIDES), false);

        Document feed = atom("/initiatives.atom");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(child(feed.getDocumentElement(), "id")).endsWith("/initiatives.atom");
        assertThat(child(feed.getDocumentElement(), "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<String> titles = entries(feed, "title");
        assertThat(titles).contains("Flux : une initiative & des « guillemets »").doesNotContain("Flux : pas publiée");
        assertThat(entries(feed, "id")).anyMatch(id -> id.endsWith("/initiatives/" + initiative))
                .noneMatch(id -> id.endsWith("/initiatives/" + proposed));

        Document resourceFeed = atom("/ressources.atom");
        assertThat(entries(resourceFeed, "title")).contains("Flux : une ressource publiée")
                .doesNotContain("Flux : une ressource en brouillon");
        assertThat(entries(resourceFeed, "id")).anyMatch(id -> id.endsWith("/ressources/" + published));
        mvc.perform(get("/ressources")).andExpect(content().string(containsString(
                "rel=\"alternate\" type=\"application/atom+xml\" href=\"/ressources.atom\"")));
    }

    private Document atom(String path) throws Exception {
        byte[] body = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/atom+xml")))
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        return nodes.item(0).getTextContent();
    }

    private static List<String> entries(Document feed, String name) {
        List<String> values = new ArrayList<>();
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int index = 0; index < entries.getLength(); index++) {
            Element entry = (Element) entries.item(index);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").getLength()).isEqualTo(1);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").getLength()).isEqualTo(1);
            values.add(child(entry, name));
        }
        return values;
    }

    @Test
    void staffManageResourcesThatEveryoneFiltersAndDownloads() throws Exception {
        mvc.perform(post("/admin/library/ressources").with(csrf()).with(as(participant)).param("title", "Ressource : refusée")
                .param("summary", "Un participant ne crée pas de ressource.").param("kind", "SLIDES"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/library/ressources").with(csrf()).with(as(staff)).param("title", "Ressource : vidéo")
                        .param("summary", "Une vidéo sans lien valide.").param("kind", "VIDEO")
                        .param("videoUrl", "http://video.example.org/x"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("adresse https")));
        long id = resources.create(staff, new ResourceDraft("Ressource : guide du tirage au sort",
                "Comment tirer au sort un panel citoyen équilibré.", ResourceKind.REFERENCE_DOCUMENT,
                List.of("Ressource-Panel"), "https://video.example.org/panel"), true);
        byte[] text = "Le tirage au sort, pas à pas.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(multipart("/admin/library/ressources/" + id + "/fichiers").file(new MockMultipartFile("file",
                "guide tirage.txt", "text/plain", text)).with(csrf()).with(as(staff))).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/admin/library/ressources/" + id + "/fichiers").file(new MockMultipartFile("file",
                "script.txt", "text/plain", new byte[] {'M', 'Z', 0, 1})).with(csrf()).with(as(staff)))
                .andExpect(status().isBadRequest());
        long fileId = resources.files(id).getFirst().id();

        mvc.perform(get("/ressources").param("theme", "ressource-panel").param("q", "tirage"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ressource : guide du <mark>tirage</mark> au sort")));
        mvc.perform(get("/ressources").param("kind", "SLIDES").param("theme", "ressource-panel"))
                .andExpect(content().string(not(containsString("Ressource : guide du tirage au sort"))));
        mvc.perform(get("/ressources/" + id)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"https://video.example.org/panel\""),
                        not(containsString("<iframe")))));
        mvc.perform(get("/ressources/" + id + "/fichiers/" + fileId)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("guide tirage.txt")))
                .andExpect(content().bytes(text));

        mvc.perform(post("/admin/library/ressources/" + id + "/publish").with(csrf()).with(as(staff)).param("publish", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ressources/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/ressources/" + id + "/fichiers/" + fileId)).andExpect(status().isNotFound());
        mvc.perform(get("/ressources/" + id).with(as(staff))).andExpect(status().isOk());
    }

    @Test
    void anOrganisationAsksToJoinTheNetworkAndStaffAcceptIt() throws Exception {
        mvc.perform(post("/reseau/adherer").with(csrf()).with(as(participant)).param("organisationName", "")
                .param("organisationKind", "ASSOCIATION")).andExpect(status().isBadRequest());
        mvc.perform(post("/reseau/adherer").with(csrf()).with(as(participant))
                        .param("organisationName", "Réseau : les Amis du lavoir").param("organisationKind", "ASSOCIATION")
                        .param("territoryId", String.valueOf(places.commune)).param("contactName", "Marie Lavoir")
                        .param("contactEmail", "marie.lavoir@example.org")
                        .param("message", "Nous animons des ateliers de quartier depuis dix ans."))
                .andExpect(status().is3xxRedirection());
        Network.Request request = network.pending(staff).stream()
                .filter(pending -> pending.organisationName().equals("Réseau : les Amis du lavoir")).findFirst().orElseThrow();

        mvc.perform(post("/admin/library/reseau/demandes/" + request.id() + "/accept").with(csrf()).with(as(participant)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/library/reseau/demandes/" + request.id() + "/accept").with(csrf()).with(as(staff)))
                .andExpect(status().is3xxRedirection());
        network.accept(staff, request.id());

        assertThat(network.members()).filteredOn(member -> member.name().equals("Réseau : les Amis du lavoir"))
                .singleElement().satisfies(member -> assertThat(member.contactName()).isEqualTo("Marie Lavoir"));
        mvc.perform(get("/reseau")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Réseau : les Amis du lavoir"),
                        containsString("Marie Lavoir"), not(containsString("marie.lavoir@example.org")))));
        mvc.perform(get("/reseau").with(as(participant))).andExpect(content().string(containsString("Acceptée")));
    }

    @Test
    void staffAddAndRemoveInitiativesOfTheNetworkOnce() {
        long id = initiatives.publishShowcase("browse-network-1", draft("Réseau : une initiative membre",
                InitiativeKind.OTHER, places.commune));

        assertThat(network.addInitiative(staff, id, "Paul Membre", "référent")).isTrue();
        assertThat(network.addInitiative(staff, id, "Paul Membre", "référent")).isFalse();
        NetworkManagement.Listed member = network.members().stream()
                .filter(listed -> listed.name().equals("Réseau : une initiative membre")).findFirst().orElseThrow();
        assertThat(member.path()).isEqualTo("/initiatives/" + id);
        network.remove(staff, member.memberId());
        assertThat(network.members()).extracting(NetworkManagement.Listed::name)
                .doesNotContain("Réseau : une initiative membre");
    }
}
