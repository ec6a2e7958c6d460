package org.agora.accountability;

import java.util.List;

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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A region and an open process of their own, proposals published through the proposals module, and empty strategy tables. */
class StrategyTestBed {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;STR1;Région de la stratégie;;
            """;

    final People people;
    final ProposalFixtures proposals;
    final ProcessSettings process;
    final AgoraUser staff;
    final long region;

    StrategyTestBed(ApplicationContext context) {
        new TerritoryFixtures(context).load(TREE);
        region = context.getBean(TerritoryDirectory.class).findByCode(TerritoryKind.REGION, "STR1").orElseThrow().id();
        people = new People(context.getBean(AccountManagement.class));
        staff = people.staff(RoleScope.GLOBAL);
        process = new ParticipationProcesses(context, staff).open("Stratégie", region, List.of("Mobilités"), null, null);
        proposals = new ProposalFixtures(context);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("contribution", "referral", "transmission", "immediate_measure_status", "immediate_measure",
                "work_programme_update", "work_programme_milestone", "work_programme", "objective", "ambition", "charter_article")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM advisory_body WHERE name NOT IN ('CESER Centre-Val de Loire', 'Conseil régional des jeunes')");
    }

    /** Publishes a proposal; returns its reference. */
    String publish(String title) {
        return proposals.publish(process, people.participant(), title, "Le texte de la proposition « " + title + " ».", region, "Mobilités");
    }
}
