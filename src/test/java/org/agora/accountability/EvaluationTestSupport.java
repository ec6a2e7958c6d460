package org.agora.accountability;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.agora.People.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A region, a process of its own per test with its author, evaluator and administrator, and proposals. */
abstract class EvaluationTestSupport {

    private static final AtomicBoolean TERRITORIES = new AtomicBoolean();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Autowired AccountManagement accounts;
    @Autowired EvaluationManagement management;

    People people;
    ProposalFixtures proposals;
    ProcessSettings process;
    long processId;
    long commune;
    AgoraUser administrator;
    AgoraUser evaluator;
    AgoraUser author;

    @BeforeEach
    void processWithATeam() {
        if (TERRITORIES.compareAndSet(false, true)) {
            new TerritoryFixtures(context).load("""
                    kind;code;name;parent_code;postal_codes
                    REGION;ACC1;Région des réponses;;
                    DEPARTEMENT;ACC11;Département des réponses;ACC1;
                    LIVING_AREA;ACC111;Bassin des réponses;ACC11;
                    COMMUNE;ACC1111;Commune-des-Réponses;ACC111;99701
                    """);
        }
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        long region = territories.findByCode(TerritoryKind.REGION, "ACC1").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "ACC1111").orElseThrow().id();
        people = new People(accounts);
        proposals = new ProposalFixtures(context);
        process = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL))
                .open("Retour au citoyen", region, List.of("Mobilités"), null, null);
        processId = process.id().value();
        administrator = people.administrator();
        evaluator = people.staff(RoleScope.process(processId));
        author = person("autrice", NotificationFrequency.IMMEDIATE);
    }

    AgoraUser person(String name, NotificationFrequency frequency) {
        AgoraUser user = people.someone(name);
        accounts.changeNotificationFrequency(user.id(), frequency);
        return user;
    }

    AgoraUser otherProcessStaff() {
        return people.someone("ailleurs", new RoleGrant(Role.STAFF, RoleScope.process(processId + 100_000)));
    }

    PublicProposal proposal(String title) {
        return proposals.publish(process, author, title, commune);
    }

    String base() {
        return "/admin/processes/" + processId;
    }

    long destination(DestinationKind kind) {
        return jdbc.queryForObject("SELECT id FROM destination WHERE process_id = ? AND kind = ? ORDER BY position LIMIT 1",
                Long.class, processId, kind.name());
    }

    String state(PublicProposal proposal) {
        List<String> states = jdbc.queryForList("SELECT state FROM evaluation WHERE proposal_id = ?", String.class,
                proposal.id().value());
        return states.isEmpty() ? "NONE" : states.getFirst();
    }

    long version(PublicProposal proposal) {
        return jdbc.queryForObject("SELECT version FROM evaluation WHERE proposal_id = ?", Long.class, proposal.id().value());
    }

    ResultActions page(AgoraUser user, String path) throws Exception {
        return user == null ? mvc.perform(get(path)) : mvc.perform(get(path).with(as(user)));
    }

    ResultActions send(AgoraUser user, String path, String... params) throws Exception {
        var request = post(path).with(csrf()).with(as(user));
        for (int index = 0; index < params.length; index += 2) {
            request.param(params[index], params[index + 1]);
        }
        return mvc.perform(request);
    }

    void assign(PublicProposal proposal, AgoraUser to) throws Exception {
        send(evaluator, base() + "/evaluation/" + proposal.id().value() + "/assign", "assignee", Long.toString(to.id().value()));
    }

    /** Answers, naming as fed a fresh target of the kind the destination needs (nothing when it needs none). */
    ResultActions answer(PublicProposal proposal, AgoraUser by, long destination, String text, String reason, long version)
            throws Exception {
        return answer(proposal, by, destination, text, reason, linkFor(destination), version);
    }

    ResultActions answer(PublicProposal proposal, AgoraUser by, long destination, String text, String reason, String link,
                         long version) throws Exception {
        return send(by, base() + "/evaluation/" + proposal.id().value() + "/answer", "destinationId", Long.toString(destination),
                "text", text, "reason", reason, "link", link, "version", Long.toString(version));
    }

    /** {@code KIND:id} of a new target of the kind the destination feeds, or "" when it feeds nothing or is unknown. */
    String linkFor(long destination) {
        List<String> kinds = jdbc.queryForList("SELECT kind FROM destination WHERE id = ?", String.class, destination);
        ContributionKind fed = kinds.isEmpty() ? null : DestinationKind.valueOf(kinds.getFirst()).fed();
        return fed == null ? "" : fed.name() + ":" + target(fed, "Cible " + System.nanoTime());
    }

    /** Creates a target of this kind through the staff pages' services; returns its id. */
    long target(ContributionKind kind, String title) {
        return switch (kind) {
            case CHARTER_ARTICLE -> context.getBean(CharterArticles.class).create(
                    Long.toString(jdbc.queryForObject("SELECT COALESCE(MAX(number), 0) + 1 FROM charter_article", Long.class)),
                    title, "Le texte de l'article.");
            case WORK_PROGRAMME -> {
                WorkProgrammes programmes = context.getBean(WorkProgrammes.class);
                long ambition = programmes.addAmbition("Ambition " + title, "Une ambition.");
                yield programmes.addProgramme(programmes.addObjective(ambition, "Objectif " + title), title, "Un chantier.").id();
            }
            case IMMEDIATE_MEASURE -> context.getBean(ImmediateMeasures.class).create(title, "Une mesure.", "DECIDED",
                    "2026-03-01").id();
            case TRANSMISSION -> context.getBean(Transmissions.class).create("Département du Loiret", "DEPARTEMENT", title,
                    "Transmise pour suite à donner.", "2026-03-02");
            case REFERRAL -> throw new IllegalArgumentException("No answer feeds a referral");
        };
    }

    String publicPage(PublicProposal proposal) throws Exception {
        return page(null, proposal.path()).andReturn().getResponse().getContentAsString();
    }
}
