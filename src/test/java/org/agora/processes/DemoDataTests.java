package org.agora.processes;

import java.time.LocalDate;

import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.agora.DatabaseTest;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with demo data: the region's territories, then four processes dated around today. */
@DatabaseTest
@SpringBootTest(properties = {
        "agora.demo-data=true"
})
class DemoDataTests {

    @Autowired
    Processes processes;
    @Autowired
    TerritoryDirectory territories;
    @Autowired
    ProcessCatalog catalog;

    @Test
    void aFirstStartLoadsTheRegionAndFourProcessesWithContribuerCurrent() {
        LocalDate today = LocalDate.now(Clocks.PARIS);
        assertThat(territories.searchCommunes("45000", 5)).extracting(view -> view.name()).contains("Orléans");
        assertThat(territories.scopes()).hasSize(27);

        assertThat(processes.findAll()).extracting(ParticipatoryProcess::status)
                .containsExactlyInAnyOrder(ProcessStatus.PUBLISHED, ProcessStatus.PUBLISHED, ProcessStatus.CLOSED,
                        ProcessStatus.DRAFT);
        ParticipatoryProcess permanent = processes.findBySlug("democratie-permanente-centre-val-de-loire").orElseThrow();
        assertThat(permanent.phases().get(permanent.currentPhaseIndex(today)).name()).isEqualTo("Contribuer");
        assertThat(permanent.territoryId()).isEqualTo(territories.findByCode(TerritoryKind.REGION, "24").orElseThrow().id());
        assertThat(catalog.current(6)).extracting(ProcessCard::slug)
                .containsExactly("democratie-permanente-centre-val-de-loire", "budget-participatif-lycees-loiret");
    }
}
