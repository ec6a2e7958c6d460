package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryFixtures;
import org.agora.territories.TerritoryKind;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A small region of its own (two living areas with a commune each), staff, and meetings made through the API. */
class MeetingTestBed {

    static final String TREE = """
            kind;code;name;parent_code;postal_codes
            REGION;MTG1;Région des rencontres;;
            DEPARTEMENT;MTG11;Département des rencontres;MTG1;
            LIVING_AREA;MTG111;Bassin du Nord;MTG11;
            COMMUNE;MTG1111;Rencontre-sur-Loire;MTG111;99601
            LIVING_AREA;MTG112;Bassin du Sud;MTG11;
            COMMUNE;MTG1121;Rencontre-le-Bas;MTG112;99602
            """;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final People people;
    final MeetingManagement management;
    final MeetingRegistrations registrations;
    final Meetings meetings;
    final JdbcTemplate jdbc;
    final AgoraUser staff;
    final long department;
    final long north;
    final long northCommune;
    final long south;
    final long southCommune;

    MeetingTestBed(ApplicationContext context) {
        new TerritoryFixtures(context).load(TREE);
        TerritoryDirectory territories = context.getBean(TerritoryDirectory.class);
        people = new People(context.getBean(AccountManagement.class));
        management = context.getBean(MeetingManagement.class);
        registrations = context.getBean(MeetingRegistrations.class);
        meetings = context.getBean(Meetings.class);
        jdbc = context.getBean(JdbcTemplate.class);
        staff = people.staff(RoleScope.GLOBAL);
        department = territories.findByCode(TerritoryKind.DEPARTEMENT, "MTG11").orElseThrow().id();
        north = territories.findByCode(TerritoryKind.LIVING_AREA, "MTG111").orElseThrow().id();
        northCommune = territories.findByCode(TerritoryKind.COMMUNE, "MTG1111").orElseThrow().id();
        south = territories.findByCode(TerritoryKind.LIVING_AREA, "MTG112").orElseThrow().id();
        southCommune = territories.findByCode(TerritoryKind.COMMUNE, "MTG1121").orElseThrow().id();
    }

    AgoraUser facilitatorOf(long territoryId) {
        return people.someone("animateur", new RoleGrant(Role.FACILITATOR, RoleScope.territory(territoryId)));
    }

    MeetingDetails details(MeetingKind kind, Integer capacity, Instant startsAt) {
        return new MeetingDetails(null, kind, MeetingFormat.HYBRID, "Rencontre n°" + SEQUENCE.incrementAndGet() + " du territoire",
                "Une rencontre pour parler du territoire, de ses écoles; et de ses routes.", startsAt,
                startsAt.plus(Duration.ofHours(2)), null, north, northCommune, "1 place de la Mairie",
                "https://visio.example.org/salle-" + SEQUENCE.get(), "Région des rencontres", false, capacity, true,
                null, null);
    }

    long publishedMeeting(Integer capacity) {
        return published(details(MeetingKind.SEMINAR, capacity, Instant.now().plus(Duration.ofDays(10))));
    }

    long published(MeetingDetails details) {
        long id = management.create(staff, details);
        management.publish(staff, id);
        return id;
    }

    Meeting meeting(long id) {
        return meetings.find(id).orElseThrow();
    }

    RegistrationOutcome register(long meetingId, AgoraUser who) {
        return registrations.register(meetingId, registrant(who), Map.of(), null, null);
    }

    static Registrant registrant(AgoraUser who) {
        return new Registrant(who.id().value(), who.pseudonym(), who.email(), "fr");
    }

    static Registrant guest(String name) {
        return new Registrant(null, name, name.toLowerCase().replace(' ', '.') + SEQUENCE.incrementAndGet() + "@example.org", "fr");
    }

    List<String> statuses(long meetingId) {
        return jdbc.queryForList("SELECT status FROM meeting_registration WHERE meeting_id = ? ORDER BY queued_at, id",
                String.class, meetingId);
    }

    int count(long meetingId, RegistrationStatus status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM meeting_registration WHERE meeting_id = ? AND status = ?",
                Integer.class, meetingId, status.name());
    }
}
