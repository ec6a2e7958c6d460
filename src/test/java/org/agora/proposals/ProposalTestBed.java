package org.agora.proposals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A region of its own (two départements, each with a living area and a commune, and a region outside), processes open
 * to proposals and supports, and proposals published through the module's use cases.
 */
class ProposalTestBed {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;PRP1;Région des propositions;;
            DEPARTEMENT;PRP11;Département Est;PRP1;
            LIVING_AREA;PRP111;Bassin Est;PRP11;
            COMMUNE;PRP1111;Commune-de-l’Est;PRP111;99501
            DEPARTEMENT;PRP12;Département Ouest;PRP1;
            LIVING_AREA;PRP121;Bassin Ouest;PRP12;
            COMMUNE;PRP1211;Commune-de-l’Ouest;PRP121;99502
            REGION;PRP9;Région voisine;;
            """;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final People people;
    final ParticipationProcesses processes;
    final ProposalManagement management;
    final JdbcTemplate jdbc;
    final TerritoryDirectory territories;
    final long region;
    final long east;
    final long eastArea;
    final long eastCommune;
    final long west;
    final long westCommune;
    final long elsewhere;

    ProposalTestBed(ApplicationContext context) {
        new TerritoryFixtures(context).load(TREE);
        territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        processes = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL));
        management = context.getBean(ProposalManagement.class);
        jdbc = context.getBean(JdbcTemplate.class);
        region = id(TerritoryKind.REGION, "PRP1");
        east = id(TerritoryKind.DEPARTEMENT, "PRP11");
        eastArea = id(TerritoryKind.LIVING_AREA, "PRP111");
        eastCommune = id(TerritoryKind.COMMUNE, "PRP1111");
        west = id(TerritoryKind.DEPARTEMENT, "PRP12");
        westCommune = id(TerritoryKind.COMMUNE, "PRP1211");
        elsewhere = id(TerritoryKind.REGION, "PRP9");
    }

    private long id(TerritoryKind kind, String code) {
        return territories.findByCode(kind, code).orElseThrow().id();
    }

    ProcessSettings openProcess() {
        return processes.open("Propositions", region, List.of("Mobilités", "Santé"), null, null);
    }

    ProcessSettings openProcess(Integer limit, Integer threshold) {
        return processes.open("Propositions", region, List.of("Mobilités", "Santé"), limit, threshold);
    }

    static ProposalForm form(String title, long territoryId) {
        return new ProposalForm(title, "Un texte assez long pour décrire la proposition.", Long.toString(territoryId), "Mobilités");
    }

    /** Publishes a proposal through draft then publication; returns its reference. */
    String publish(ProcessSettings process, AgoraUser author, String title, long territoryId, String theme) {
        long draft = management.draft(process.slug(), author, new ProposalForm(title,
                "Un texte assez long pour décrire la proposition n° " + SEQUENCE.incrementAndGet() + ".",
                Long.toString(territoryId), theme), null);
        return management.publish(process.slug(), draft, author);
    }

    String publish(ProcessSettings process, AgoraUser author) {
        return publish(process, author, "Une proposition de test " + SEQUENCE.incrementAndGet(), eastCommune, "Mobilités");
    }

    long idOf(String reference) {
        return jdbc.queryForObject("SELECT id FROM proposal WHERE reference = ?", Long.class, reference);
    }

    int supportRows(long proposalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", Integer.class, proposalId);
    }

    int supportsCount(long proposalId) {
        return jdbc.queryForObject("SELECT supports_count FROM proposal WHERE id = ?", Integer.class, proposalId);
    }

    /** Moves the publication back in time, as if the author came back later. */
    void publishedAgo(String reference, Duration ago) {
        jdbc.update("UPDATE proposal SET published_at = ? WHERE reference = ?", Timestamp.from(Instant.now().minus(ago)), reference);
    }

    /** What accountability will do when staff answer. */
    void answer(String reference) {
        jdbc.update("UPDATE proposal SET answered_at = ? WHERE reference = ?", Timestamp.from(Instant.now()), reference);
    }

    int proposalsTitled(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE title = ?", Integer.class, title);
    }
}
