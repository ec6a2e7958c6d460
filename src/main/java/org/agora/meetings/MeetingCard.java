package org.agora.meetings;

import java.time.ZonedDateTime;

/** A meeting as pages show it: times in Paris, the place on one line, names resolved. */
record MeetingCard(long id, String title, String description, MeetingKind kind, MeetingFormat format,
                   MeetingStatus status, ZonedDateTime startsAt, ZonedDateTime endsAt, String place,
                   String territoryName, String organiserName, Integer capacity, Integer seatsLeft, int confirmed,
                   int waiting, boolean registrationEnabled, boolean invitationOnly, Series series,
                   boolean past) {

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }

    public boolean sameDay() {
        return startsAt.toLocalDate().equals(endsAt.toLocalDate());
    }
}
