package org.agora.notifications;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.accounts.RoleScope;
import org.agora.comments.CommentPosted;
import org.agora.processes.ParticipationProcesses;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalFixtures;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Helpers of the notification tests: a region, open processes, proposals, and reading what was stored. */
abstract class NotificationTestSupport {

    private static final AtomicLong COMMENTS = new AtomicLong(7_000_000);
    private static volatile boolean territoriesLoaded;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired People people;
    @Autowired MutableClock clock;
    @Autowired ApplicationContext context;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired AccountManagement accounts;
    @Autowired MailOutbox outbox;
    @Autowired NotificationsTestSetup.TestNotes notes;

    ProposalFixtures proposals;
    ParticipationProcesses processes;
    long commune;

    @BeforeEach
    void region() {
        clock.reset();
        if (!territoriesLoaded) {
            new TerritoryFixtures(context).load("""
                    kind;code;name;parent_code;postal_codes
                    REGION;NTF1;Région des notifications;;
                    DEPARTEMENT;NTF11;Département des avis;NTF1;
                    LIVING_AREA;NTF111;Bassin des avis;NTF11;
                    COMMUNE;NTF1111;Commune-des-Avis;NTF111;99601
                    """);
            territoriesLoaded = true;
        }
        commune = context.getBean(TerritoryDirectory.class).findByCode(TerritoryKind.COMMUNE, "NTF1111").orElseThrow().id();
        proposals = new ProposalFixtures(context);
        processes = new ParticipationProcesses(context, people.staff(RoleScope.GLOBAL));
    }

    ProcessSettings openProcess(Integer threshold) {
        long region = context.getBean(TerritoryDirectory.class).findByCode(TerritoryKind.REGION, "NTF1").orElseThrow().id();
        return processes.open("Avis citoyens", region, List.of("Mobilités"), null, threshold);
    }

    PublicProposal proposal(ProcessSettings process, AgoraUser author, String title) {
        return proposals.publish(process, author, title, commune);
    }

    /** A person with this mail frequency. */
    AgoraUser person(String name, NotificationFrequency frequency) {
        AgoraUser user = people.someone(name);
        accounts.changeNotificationFrequency(user.id(), frequency);
        return user;
    }

    void publishCommitted(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** What comments publish when someone comments (parent null) or replies. */
    long commentOn(ResourceRef resource, AgoraUser author, Long parentId, AgoraUser parentAuthor) {
        long id = COMMENTS.incrementAndGet();
        publishCommitted(new CommentPosted(id, resource, author.id(), parentId,
                parentAuthor == null ? null : parentAuthor.id()));
        return id;
    }

    static ResourceRef ref(PublicProposal proposal) {
        return new ResourceRef("proposal", proposal.id().value());
    }

    static ResourceRef ref(ProcessSettings process) {
        return new ResourceRef("process", process.id().value());
    }

    /** The person's notices as "KIND link", newest first. */
    List<String> noticesOf(AgoraUser user) {
        return jdbc.queryForList("SELECT kind || ' ' || link_path FROM notice WHERE recipient_id = ? ORDER BY id DESC",
                String.class, user.id().value());
    }

    List<String> kindsOf(AgoraUser user) {
        return jdbc.queryForList("SELECT kind FROM notice WHERE recipient_id = ? ORDER BY id", String.class,
                user.id().value());
    }

    boolean follows(AgoraUser user, ResourceRef resource) {
        return followRows(user.id(), resource) == 1;
    }

    int followRows(AccountId account, ResourceRef resource) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM resource_follow WHERE account_id = ? AND resource_type = ? AND resource_id = ?""",
                Integer.class, account.value(), resource.type(), resource.id());
    }

    void follow(AgoraUser user, ResourceRef resource) {
        context.getBean(Follows.class).follow(user.id(), resource);
    }
}
