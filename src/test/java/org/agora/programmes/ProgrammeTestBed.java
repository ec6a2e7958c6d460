package org.agora.programmes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationDraft;
import org.agora.organisations.OrganisationKind;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A small region of its own with two communes, staff, applicant organisations with members, and calls. */
class ProgrammeTestBed {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;PRG1;Région des programmes;;
            DEPARTEMENT;PRG11;Département des programmes;PRG1;
            LIVING_AREA;PRG111;Bassin des programmes;PRG11;
            COMMUNE;PRG1111;Programme-sur-Loire;PRG111;99701
            COMMUNE;PRG1112;Appel-le-Haut;PRG111;99702
            """;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final People people;
    final Calls calls;
    final Applicants applicants;
    final Applications applications;
    final Reviews reviews;
    final Decisions decisions;
    final Grants grants;
    final Accompaniments accompaniments;
    final FollowUps followUps;
    final OrganisationDirectory organisations;
    final JdbcTemplate jdbc;
    final MutableClock clock;
    final AgoraUser staff;
    final long region;
    final long commune;
    final long otherCommune;

    ProgrammeTestBed(ApplicationContext context) {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        calls = context.getBean(Calls.class);
        applicants = context.getBean(Applicants.class);
        applications = context.getBean(Applications.class);
        reviews = context.getBean(Reviews.class);
        decisions = context.getBean(Decisions.class);
        grants = context.getBean(Grants.class);
        accompaniments = context.getBean(Accompaniments.class);
        followUps = context.getBean(FollowUps.class);
        organisations = context.getBean(OrganisationDirectory.class);
        jdbc = context.getBean(JdbcTemplate.class);
        clock = context.getBean(MutableClock.class);
        staff = people.staff(RoleScope.GLOBAL);
        region = territories.findByCode(TerritoryKind.REGION, "PRG1").orElseThrow().id();
        commune = territories.findByCode(TerritoryKind.COMMUNE, "PRG1111").orElseThrow().id();
        otherCommune = territories.findByCode(TerritoryKind.COMMUNE, "PRG1112").orElseThrow().id();
    }

    /** An applicant organisation of its own (a commune), with these accounts as members. */
    long organisation(String name, AgoraUser... members) {
        long id = organisations.create(staff, new OrganisationDraft(name + " " + SEQUENCE.incrementAndGet(),
                OrganisationKind.PUBLIC_BODY, commune, null, null)).value();
        applicants.register(staff, id, ApplicantKind.COMMUNE);
        for (AgoraUser member : members) {
            applicants.add(id, member.id().value());
        }
        return id;
    }

    long call(CallKind kind, Instant opens, Instant closes) {
        return calls.create(staff, new CallForm.Checked(kind, "Appel " + SEQUENCE.incrementAndGet(), "Un appel de test.",
                region, Set.of(ApplicantKind.values()), opens, closes, List.of(), 3, 60, 20_000_00L, 5));
    }

    /** A call open from yesterday to in thirty days. */
    long openCall(CallKind kind) {
        Instant now = clock.instant();
        return call(kind, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    /** Moves the shared clock to this instant. */
    void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    /** A submitted application of a new organisation to this call, with this eligible cost (cents). */
    long submitted(long callId, AgoraUser member, long costCents) {
        long organisation = organisation("Commune candidate", member);
        long id = applications.start(member, callId, organisation);
        applications.save(member, id, "Projet " + id, Money.typed(costCents), java.util.Map.of());
        applications.submit(member, id);
        return id;
    }
}
