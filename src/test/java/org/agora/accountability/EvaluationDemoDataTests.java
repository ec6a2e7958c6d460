package org.agora.accountability;

import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo process's evaluation: about 60 % answered across the five destinations in the seed's proportions. */
@DatabaseTest
@SpringBootTest(properties = {
        "agora.demo-data=true"
})
class EvaluationDemoDataTests {

    @Autowired JdbcTemplate jdbc;

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    int published(String kind) {
        return count("SELECT COUNT(*) FROM evaluation e JOIN destination d ON d.id = e.destination_id "
                + "WHERE e.state = 'PUBLISHED' AND d.kind = ?", kind);
    }

    @Test
    void theAgentEvaluatedAndTheAdministratorPublishedMostDemoProposalsAcrossTheFiveDestinations() {
        int open = count("SELECT COUNT(*) FROM proposal WHERE status = 'PUBLISHED'");
        int published = count("SELECT COUNT(*) FROM evaluation WHERE state = 'PUBLISHED'");
        assertThat(published * 100 / open).isBetween(55, 70);
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE answered_at IS NOT NULL")).isEqualTo(published);
        assertThat(count("SELECT COUNT(*) FROM evaluation WHERE state = 'VALIDATED'")).as("awaiting grouped publication").isPositive();
        assertThat(count("SELECT COUNT(*) FROM evaluation WHERE state = 'PROPOSED'")).as("proposed").isPositive();
        assertThat(count("SELECT COUNT(*) FROM evaluation WHERE state = 'ASSIGNED'")).as("under review only").isPositive();
        assertThat(count("SELECT COUNT(DISTINCT e.assignee_id) FROM evaluation e JOIN account a ON a.id = e.assignee_id "
                + "WHERE a.email = 'agent@example.org'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM evaluation e JOIN account a ON a.id = e.validated_by "
                + "WHERE e.state = 'PUBLISHED' AND a.email <> 'admin@example.org'")).isZero();
        assertThat(published("WORK_PROGRAMME")).isGreaterThan(published("IMMEDIATE_MEASURE"));
        assertThat(published("OTHER_LEVEL")).isGreaterThan(published("CHARTER"));
        assertThat(published("CHARTER")).isGreaterThan(published("NOT_RETAINED"));
        assertThat(published("NOT_RETAINED")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM evaluation e JOIN destination d ON d.id = e.destination_id "
                + "WHERE d.reason_required AND e.reason IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM notice WHERE kind = 'ANSWER_PUBLISHED'")).isGreaterThanOrEqualTo(published);
    }

    @Test
    void everyPublishedDemoAnswerThatFeedsSomethingIsLinkedToATargetOfItsKindAndNothingElseIsPublic() {
        int feeding = published("CHARTER") + published("IMMEDIATE_MEASURE") + published("WORK_PROGRAMME") + published("OTHER_LEVEL");
        assertThat(count("SELECT COUNT(*) FROM contribution c JOIN evaluation e ON e.proposal_id = c.proposal_id "
                + "JOIN destination d ON d.id = e.destination_id WHERE e.state = 'PUBLISHED' AND c.target_kind = "
                + "CASE d.kind WHEN 'CHARTER' THEN 'CHARTER_ARTICLE' WHEN 'OTHER_LEVEL' THEN 'TRANSMISSION' ELSE d.kind END"))
                .isEqualTo(feeding).isPositive();
        assertThat(count("SELECT COUNT(*) FROM contribution c JOIN evaluation e ON e.proposal_id = c.proposal_id "
                + "WHERE e.state <> 'PUBLISHED'")).as("unpublished answers feed nothing public").isZero();
        assertThat(count("SELECT COUNT(*) FROM evaluation WHERE state = 'PROPOSED' AND link_kind IS NOT NULL"))
                .as("proposed answers name their target").isPositive();
    }

    @Test
    void demoAnswersFeedProgrammesAndMeasuresOfTheirOwnThemeAndSendTheRestToTheBodyInCharge() {
        for (String target : new String[] {"work_programme", "immediate_measure"}) {
            var links = jdbc.queryForList("SELECT t.title, p.theme FROM contribution c JOIN proposal p ON p.id = c.proposal_id "
                    + "JOIN " + target + " t ON t.id = c.target_id WHERE c.target_kind = ?", target.toUpperCase());
            assertThat(links).as(target).isNotEmpty().allSatisfy(link ->
                    assertThat(CharterDemoData.THEMES.get((String) link.get("title"))).isEqualTo(link.get("theme")));
        }
        assertThat(count("SELECT COUNT(*) FROM contribution c JOIN transmission t ON t.id = c.target_id "
                + "JOIN proposal p ON p.id = c.proposal_id WHERE c.target_kind = 'TRANSMISSION' AND t.subject = p.title"))
                .as("each proposal sent on is its own transmission")
                .isEqualTo(count("SELECT COUNT(*) FROM contribution WHERE target_kind = 'TRANSMISSION'")).isPositive();
    }
}
