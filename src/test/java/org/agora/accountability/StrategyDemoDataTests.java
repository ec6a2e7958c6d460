package org.agora.accountability;

import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with demo data: the charter, the strategy and what demo proposals fed. */
@DatabaseTest
@SpringBootTest(properties = {
        "agora.demo-data=true"
})
class StrategyDemoDataTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired ContributionCatalog catalog;

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void aFirstStartShowsTheCharterTheStrategyAndWhatProposalsFed() {
        assertThat(count("SELECT COUNT(*) FROM charter_article")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM ambition")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM objective")).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM work_programme")).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM work_programme WHERE status = 'ONGOING' AND progress > 0")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM work_programme_update")).isGreaterThan(7);
        assertThat(count("SELECT COUNT(*) FROM immediate_measure")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM transmission")).isGreaterThan(2);
        assertThat(count("SELECT COUNT(*) FROM transmission WHERE reply IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM referral")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM referral WHERE opinion IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(DISTINCT target_kind) FROM contribution")).isEqualTo(ContributionKind.values().length);
        assertThat(count("SELECT COUNT(DISTINCT proposal_id) FROM contribution")).isEqualTo(count("SELECT COUNT(*) FROM contribution"));
        assertThat(catalog.publicPaths()).contains("/chantiers/cars-express-entre-bassins-de-vie", "/charte");
    }
}
