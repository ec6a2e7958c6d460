package org.agora.meetings;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.agora.shared.Clocks;

/** A meeting as stored. Changes go through {@link MeetingManagement} and {@link MeetingRegistrations}. */
record Meeting(long id, Long seriesId, MeetingKind kind, MeetingFormat format, String title, String description,
               Instant startsAt, Instant endsAt, Long processId, long territoryId, Long communeId, String address,
               String onlineUrl, long organiserId, String organiserName, boolean invitationOnly, String invitationToken,
               Integer capacity, boolean registrationEnabled, Instant registrationOpensAt,
               Instant registrationClosesAt, MeetingStatus status, int sequence, int confirmedCount, int waitingCount,
               Instant updatedAt) {

    /** Why registration is refused at {@code now}, or null when it is open. */
    String registrationClosedReason(Instant now) {
        if (status == MeetingStatus.DRAFT) {
            return "meetings.refused.draft";
        }
        if (status == MeetingStatus.CANCELLED) {
            return "meetings.refused.cancelled";
        }
        if (!startsAt.isAfter(now)) {
            return "meetings.refused.past";
        }
        if (!registrationEnabled) {
            return "meetings.refused.no-registration";
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
            return "meetings.refused.not-yet-open";
        }
        if (registrationClosesAt != null && !now.isBefore(registrationClosesAt)) {
            return "meetings.refused.closed";
        }
        return null;
    }

    boolean hasFreeSeat() {
        return capacity == null || confirmedCount < capacity;
    }

    /** Seats left, or null when the capacity is unlimited. */
    Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - confirmedCount);
    }

    boolean isPublic() {
        return status != MeetingStatus.DRAFT && !invitationOnly;
    }

    ZonedDateTime startsInParis() {
        return startsAt.atZone(Clocks.PARIS);
    }

    ZonedDateTime endsInParis() {
        return endsAt.atZone(Clocks.PARIS);
    }

    boolean isPast(Instant now) {
        return !endsAt.isAfter(now);
    }

    MeetingId meetingId() {
        return new MeetingId(id);
    }
}
