package org.agora.proposals;

import org.agora.DatabaseTest;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with demo data: the regional process is open to proposals and supports, and about a hundred are there. */
@DatabaseTest
@SpringBootTest(properties = {
        "agora.demo-data=true"
})
class ProposalDemoDataTests {

    @Autowired ProcessRules processes;
    @Autowired JdbcTemplate jdbc;

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void aFirstStartShowsAHundredSupportedAndDiscussedProposalsInTheRegionalProcess() {
        ProcessSettings process = processes.bySlug(ProposalDemoData.PROCESS).orElseThrow();
        assertThat(process.acceptsProposals()).isTrue();
        assertThat(process.acceptsSupports()).isTrue();
        assertThat(process.uses(ProcessFeature.COMMENTS)).isTrue();
        assertThat(process.themes()).contains("Mobilités", "Transition écologique", "Santé", "Culture");

        // The demo also imports a small file from another tool into this process (ContributionImportDemoData).
        int all = ProposalDemoData.PROPOSALS + ProposalDemoData.DUPLICATES
                + count("SELECT COUNT(*) FROM proposal WHERE provenance = 'IMPORTED'");
        assertThat(count("SELECT COUNT(*) FROM proposal")).isEqualTo(all);
        assertThat(count("SELECT COUNT(DISTINCT reference) FROM proposal")).isEqualTo(all);
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE status = 'MERGED'")).as("duplicates merged by the administrator")
                .isEqualTo(ProposalDemoData.DUPLICATES - 1);
        assertThat(count("SELECT COUNT(*) FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id "
                + "WHERE p.status = 'MERGED'")).as("their supports moved").isZero();
        assertThat(count("SELECT COUNT(DISTINCT author_id) FROM proposal")).isGreaterThan(20);
        assertThat(count("SELECT COUNT(DISTINCT territory_id) FROM proposal")).isGreaterThan(50);
        assertThat(count("SELECT COUNT(DISTINCT theme) FROM proposal")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE status = 'WITHDRAWN'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE threshold_reached_at IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM proposal p WHERE supports_count <> "
                + "(SELECT COUNT(*) FROM proposal_support s WHERE s.proposal_id = p.id)")).as("counts equal rows").isZero();
        assertThat(count("SELECT COUNT(*) FROM proposal_supporter r WHERE supports <> (SELECT COUNT(*) FROM proposal_support s "
                + "WHERE s.account_id = r.account_id AND s.process_id = r.process_id)")).isZero();
        assertThat(count("SELECT MAX(last_number) FROM proposal_reference_counter")).isEqualTo(all);
        assertThat(count("SELECT COUNT(*) FROM resource_comment")).isGreaterThan(100);
        assertThat(count("SELECT MAX(depth) FROM resource_comment")).as("threads go down to depth 3").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM resource_comment c JOIN proposal p ON p.id = c.resource_id "
                + "WHERE c.depth = 1 AND c.author_id = p.author_id")).as("nobody opens a discussion on their own proposal").isZero();
        assertThat(count("SELECT COUNT(*) FROM proposal p WHERE comment_count <> (SELECT COUNT(*) FROM resource_comment c "
                + "WHERE c.resource_type = 'proposal' AND c.resource_id = p.id AND c.status = 'PUBLISHED')")).as("comment counts equal rows").isZero();
        assertThat(count("SELECT COUNT(*) FROM resource_comment WHERE status = 'HIDDEN'")).as("one advertisement hidden").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM moderation_report")).as("reported by three participants").isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM moderation_action WHERE action = 'AUTO_HIDE'")).as("logged").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM proposal a JOIN proposal b ON a.reference < b.reference "
                + "AND a.published_at > b.published_at")).as("references follow publication").isZero();
    }
}
