package org.agora.territories;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.agora.AgoraTest;
import org.agora.ReferenceTerritories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@AgoraTest
class TerritoryDirectoryTests {

    @Autowired
    TerritoryImporter importer;
    @Autowired
    TerritoryDirectory directory;

    @BeforeEach
    void loadTheRegion() throws IOException {
        try (InputStream in = ReferenceTerritories.open()) {
            assertThat(importer.importCsv(in).succeeded()).isTrue();
        }
    }

    @Test
    void findsACommuneByNameIgnoringCaseAccentsAndHyphens() {
        assertThat(directory.searchCommunes("chateauroux", 10)).extracting(TerritoryView::name)
                .first().isEqualTo("Châteauroux");
        assertThat(directory.searchCommunes("SAINT JEAN DE BRAYE", 10)).extracting(TerritoryView::name)
                .containsExactly("Saint-Jean-de-Braye");
        assertThat(directory.searchCommunes("orleans", 10)).extracting(TerritoryView::name)
                .first().as("the exact name comes before Saint-Jean-le-Blanc-lès-Orléans and the like").isEqualTo("Orléans");
    }

    @Test
    void findsACommuneByPostalCodePrefix() {
        List<TerritoryView> found = directory.searchCommunes("45000", 10);
        assertThat(found).extracting(TerritoryView::name).contains("Orléans");
        assertThat(found.getFirst().label()).isEqualTo("Orléans (45000, 45100)");
        assertThat(directory.searchCommunes("451", 50)).extracting(TerritoryView::name)
                .as("45100 is Orléans' second code").contains("Orléans");
        assertThat(directory.searchCommunes("37", 5)).hasSize(5)
                .allSatisfy(commune -> assertThat(commune.postalCodes()).anyMatch(code -> code.startsWith("37")));
    }

    @Test
    void ignoresQueriesTooShortToMeanAnything() {
        assertThat(directory.searchCommunes("a", 10)).isEmpty();
        assertThat(directory.searchCommunes("  ", 10)).isEmpty();
    }

    @Test
    void listsScopesInTreeOrder() {
        List<TerritoryView> scopes = directory.scopes();

        assertThat(scopes).hasSize(27);
        assertThat(scopes.getFirst().name()).isEqualTo("Centre-Val de Loire");
        assertThat(scopes.get(1).name()).isEqualTo("Cher");
        assertThat(scopes.subList(2, 5)).extracting(TerritoryView::name)
                .containsExactly("Bourges", "Saint-Amand-Montrond", "Vierzon");
        assertThat(scopes).noneMatch(scope -> scope.kind() == TerritoryKind.COMMUNE);
    }

    @Test
    void knowsWhatLiesWithinWhat() {
        TerritoryView loiret = directory.findByCode(TerritoryKind.DEPARTEMENT, "45").orElseThrow();
        TerritoryView orleans = directory.findByCode(TerritoryKind.COMMUNE, "45234").orElseThrow();
        TerritoryView tours = directory.findByCode(TerritoryKind.COMMUNE, "37261").orElseThrow();

        assertThat(directory.isWithin(orleans.id(), loiret.id())).isTrue();
        assertThat(directory.isWithin(tours.id(), loiret.id())).isFalse();
        assertThat(directory.isWithin(loiret.id(), loiret.id())).isTrue();
        assertThat(directory.selfAndDescendants(loiret.id())).contains(loiret.id(), orleans.id())
                .doesNotContain(tours.id()).hasSize(1 + 3 + 325);
    }
}
