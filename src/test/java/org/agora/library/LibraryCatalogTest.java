package org.agora.library;

import java.time.Instant;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.agora.library.LibraryFixtures.draft;
import static org.agora.library.LibraryFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The library's API for other modules: what was published recently. */
@AgoraTest
class LibraryCatalogTest {

    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired LibraryCatalog catalog;
    @Autowired InitiativeManagement initiatives;
    @Autowired ResourceManagement resources;

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
    void listsPublishedInitiativesAndResourcesNewestFirstLeavingOutWhatIsNotPublished() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        long showcased = initiatives.publishShowcase("catalog-test-1",
                draft("Catalogue : budget participatif des collégiens", InitiativeKind.PARTICIPATORY_BUDGET, places.department));
        Thread.sleep(5);
        long proposed = initiatives.propose(participant,
                draft("Catalogue : proposée mais pas publiée", InitiativeKind.CONSULTATION, places.commune));
        long published = resources.create(staff, resource("Catalogue : guide de la concertation",
                ResourceKind.REFERENCE_DOCUMENT), true);
        resources.create(staff, resource("Catalogue : brouillon de ressource", ResourceKind.SLIDES), false);
        Thread.sleep(5);
        long approved = initiatives.propose(participant,
                draft("Catalogue : publiée après relecture", InitiativeKind.CONCERTATION, places.commune));
        initiatives.publish(staff, approved);

        List<LibraryItem> items = catalog.recentlyPublished(since, 50).stream()
                .filter(item -> item.title().startsWith("Catalogue : ")).toList();

        assertThat(items).extracting(LibraryItem::kind, LibraryItem::id, LibraryItem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("initiative", approved, "/initiatives/" + approved),
                org.assertj.core.groups.Tuple.tuple("resource", published, "/ressources/" + published),
                org.assertj.core.groups.Tuple.tuple("initiative", showcased, "/initiatives/" + showcased));
        assertThat(items).extracting(LibraryItem::id).doesNotContain(proposed);
        assertThat(items.getFirst().summary()).contains("publiée après relecture");
        assertThat(items).allSatisfy(item -> assertThat(item.publishedAt()).isAfterOrEqualTo(since));
    }

    @Test
    void keepsToTheLimitAndToWhatWasPublishedSince() {
        initiatives.publishShowcase("catalog-test-old", draft("Catalogue ancien : avant la date",
                InitiativeKind.INFORMATION, places.region));
        Instant since = Instant.now().plusMillis(2);
        assertThat(catalog.recentlyPublished(since, 10)).extracting(LibraryItem::title)
                .doesNotContain("Catalogue ancien : avant la date");
        for (int index = 0; index < 3; index++) {
            initiatives.publishShowcase("catalog-test-limit-" + index, draft("Catalogue limite " + index,
                    InitiativeKind.OTHER, places.region));
        }
        assertThat(catalog.recentlyPublished(Instant.EPOCH, 2)).hasSize(2);
        assertThat(catalog.recentlyPublished(Instant.EPOCH, 0)).isEmpty();
    }
}
