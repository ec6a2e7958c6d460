package org.agora.processes;

import java.time.LocalDate;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProcessPublicPagesTests {

    /** A test region of its own, so that other test classes' processes never show in these lists. */
    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;PUB1;Région publique;;
            DEPARTEMENT;PUB11;Département Nord;PUB1;
            DEPARTEMENT;PUB12;Département Sud;PUB1;
            LIVING_AREA;PUB111;Bassin Nord;PUB11;
            LIVING_AREA;PUB121;Bassin Sud;PUB12;
            REGION;PAGE1;Région paginée;;
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountManagement accounts;
    @Autowired
    ProcessManagement management;
    @Autowired
    Processes processes;
    @Autowired
    ProcessCatalog catalog;
    @Autowired
    TerritoryDirectory territories;
    @Autowired
    org.springframework.context.ApplicationContext context;

    ProcessFixtures fixtures;
    AgoraUser staff;
    LocalDate today;
    long region;
    long north;
    long south;
    long northArea;

    @BeforeEach
    void setUp() throws Exception {
        new TerritoryFixtures(context).load(TREE);
        staff = new People(accounts).staff(RoleScope.GLOBAL);
        fixtures = new ProcessFixtures(management, processes, staff);
        today = LocalDate.now(Clocks.PARIS);
        region = id(TerritoryKind.REGION, "PUB1");
        north = id(TerritoryKind.DEPARTEMENT, "PUB11");
        south = id(TerritoryKind.DEPARTEMENT, "PUB12");
        northArea = id(TerritoryKind.LIVING_AREA, "PUB111");
    }

    long id(TerritoryKind kind, String code) {
        return territories.findByCode(kind, code).orElseThrow().id();
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsCurrentUpcomingAndPastProcessesSeparately() throws Exception {
        String current = fixtures.published(ProcessFixtures.unique("Concertation en cours"), south, today.minusDays(3), today.plusDays(30)).title();
        String upcoming = fixtures.published(ProcessFixtures.unique("Concertation à venir"), south, today.plusDays(10), today.plusDays(40)).title();
        String past = fixtures.published(ProcessFixtures.unique("Concertation passée"), south, today.minusDays(60), today.minusDays(1)).title();
        String closed = fixtures.closed(ProcessFixtures.unique("Concertation close"), south, today.minusDays(3), today.plusDays(30)).title();
        String draft = fixtures.draft(ProcessFixtures.unique("Concertation brouillon"), south, today.minusDays(3), today.plusDays(30)).title();

        String currentList = page("/processes?territory=" + south);
        String upcomingList = page("/processes?when=upcoming&territory=" + south);
        String pastList = page("/processes?when=past&territory=" + south);

        assertThat(currentList).contains(current).doesNotContain(upcoming, past, closed, draft);
        assertThat(upcomingList).contains(upcoming).doesNotContain(current, past, closed, draft);
        assertThat(pastList).contains(past, closed).doesNotContain(current, upcoming, draft);
    }

    @Test
    void aTerritoryFilterShowsProcessesWithinItAndThoseOfTheTerritoriesContainingIt() throws Exception {
        String regionWide = fixtures.published(ProcessFixtures.unique("Plan régional"), region, today.minusDays(1), today.plusDays(9)).title();
        String northOnly = fixtures.published(ProcessFixtures.unique("Plan du Nord"), north, today.minusDays(1), today.plusDays(9)).title();
        String northAreaOnly = fixtures.published(ProcessFixtures.unique("Plan du bassin Nord"), northArea, today.minusDays(1), today.plusDays(9)).title();
        String southOnly = fixtures.published(ProcessFixtures.unique("Plan du Sud"), south, today.minusDays(1), today.plusDays(9)).title();

        assertThat(page("/processes?territory=" + north)).contains(regionWide, northOnly, northAreaOnly).doesNotContain(southOnly);
        assertThat(page("/processes?territory=" + northArea)).contains(regionWide, northOnly, northAreaOnly).doesNotContain(southOnly);
        assertThat(page("/processes?territory=" + region)).contains(regionWide, northOnly, northAreaOnly, southOnly);
    }

    @Test
    void listsTwentyProcessesPerPageWithShareableLinks() throws Exception {
        long paged = id(TerritoryKind.REGION, "PAGE1");
        int before = (int) processes.findAll().stream().filter(process -> process.territoryId() == paged).count();
        for (int i = before; i < 21; i++) {
            fixtures.published(ProcessFixtures.unique("Démarche paginée"), paged, today.minusDays(1), today.plusDays(i + 1));
        }

        String first = page("/processes?when=current&territory=" + paged);
        String second = page("/processes?when=current&territory=" + paged + "&page=2");

        assertThat(first.split("<li class=\"card\"", -1)).hasSize(21);
        assertThat(second.split("<li class=\"card\"", -1)).hasSize(2);
        assertThat(first).contains("/processes?when=current&amp;territory=" + paged + "&amp;page=2", "aria-current=\"page\"");
    }

    @Test
    void refusesAMeaninglessFilterWith400() throws Exception {
        mvc.perform(get("/processes?when=someday")).andExpect(status().isBadRequest());
        mvc.perform(get("/processes?territory=abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/processes?territory=999999999")).andExpect(status().isBadRequest());
        mvc.perform(get("/processes?page=0")).andExpect(status().isBadRequest());
    }

    @Test
    void showsAProcessWithItsTimelineAndCurrentPhaseMarkedInText() throws Exception {
        ParticipatoryProcess process = fixtures.published(ProcessFixtures.unique("Démocratie permanente"), region,
                today.minusDays(3), today.plusDays(30));

        mvc.perform(get("/processes/" + process.slug()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>" + process.title() + "</h1>")))
                .andExpect(content().string(containsString("<h2>Pourquoi ?</h2>")))
                .andExpect(content().string(containsString("aria-current=\"step\"")))
                .andExpect(content().string(containsString("(phase en cours)")))
                .andExpect(content().string(containsString("Publiée")))
                .andExpect(content().string(containsString("Région publique")));
    }

    @Test
    void aDraftIsNotFoundForThePublicButShownToItsManagersWithABanner() throws Exception {
        ParticipatoryProcess draft = fixtures.draft(ProcessFixtures.unique("Projet secret"), region, today, today.plusDays(5));

        mvc.perform(get("/processes/" + draft.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/processes/" + draft.slug()).with(as(new People(accounts).participant())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/processes/" + draft.slug()).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Brouillon : cette démarche n’est pas publiée")));
        mvc.perform(get("/processes/no-such-process")).andExpect(status().isNotFound());
    }

    @Test
    void theCatalogueOffersOpenAndComingProcessesSoonestFirstAndEveryPublicSlug() {
        ParticipatoryProcess open = fixtures.published(ProcessFixtures.unique("Catalogue ouvert"), region, today.minusYears(5), today.plusDays(2));
        ParticipatoryProcess coming = fixtures.published(ProcessFixtures.unique("Catalogue à venir"), region, today.plusYears(5), today.plusYears(6));
        ParticipatoryProcess draft = fixtures.draft(ProcessFixtures.unique("Catalogue brouillon"), region, today.minusYears(5), today.plusDays(2));
        ParticipatoryProcess closed = fixtures.closed(ProcessFixtures.unique("Catalogue clos"), region, today.minusYears(5), today.plusDays(2));

        assertThat(catalog.current(1000)).extracting(ProcessCard::slug)
                .contains(open.slug(), coming.slug()).doesNotContain(draft.slug(), closed.slug());
        assertThat(catalog.current(1)).extracting(ProcessCard::startsOn).allMatch(date -> !date.isAfter(today.minusYears(5)));
        assertThat(catalog.publishedSlugs()).contains(open.slug(), coming.slug(), closed.slug()).doesNotContain(draft.slug());
    }
}
