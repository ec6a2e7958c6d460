package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;

import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationId;
import org.springframework.context.ApplicationContext;

/** Meetings and the organisations met at them, for the tests of other modules (the figures page). */
public final class MeetingFixtures {

    private final MeetingManagement management;
    private final MeetingEncounters encounters;
    private final AgoraUser staff;

    public MeetingFixtures(ApplicationContext context, AgoraUser staff) {
        this.management = context.getBean(MeetingManagement.class);
        this.encounters = context.getBean(MeetingEncounters.class);
        this.staff = staff;
    }

    /** A published seminar starting {@code fromNow} from now (negative: held already); returns its id. */
    public long published(String title, Long processId, long territoryId, Duration fromNow) {
        Instant startsAt = Instant.now().plus(fromNow);
        long id = management.create(staff, new MeetingDetails(null, MeetingKind.SEMINAR, MeetingFormat.IN_PERSON, title,
                "Une rencontre pour les chiffres.", startsAt, startsAt.plus(Duration.ofHours(2)), processId, territoryId,
                null, "1 place de la Mairie", null, "Les organisateurs", false, null, false, null, null));
        management.publish(staff, id);
        return id;
    }

    /** A published seminar taking registrations now, with {@code capacity} seats; returns its id. */
    public long withSeats(String title, long territoryId, int capacity, Duration fromNow) {
        Instant startsAt = Instant.now().plus(fromNow);
        long id = management.create(staff, new MeetingDetails(null, MeetingKind.SEMINAR, MeetingFormat.IN_PERSON, title,
                "Une rencontre où l’on s’inscrit.", startsAt, startsAt.plus(Duration.ofHours(2)), null, territoryId,
                null, "1 place de la Mairie", null, "Les organisateurs", false, capacity, true, null, null));
        management.publish(staff, id);
        return id;
    }

    public void cancel(long meetingId) {
        management.cancel(staff, meetingId);
    }

    public void met(long meetingId, OrganisationId organisation) {
        encounters.record(staff, meetingId, organisation, null);
    }
}
