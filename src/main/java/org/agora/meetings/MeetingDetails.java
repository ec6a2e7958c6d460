package org.agora.meetings;

import java.time.Instant;

/** What staff decide about a meeting, already checked by {@link MeetingForm#details}. */
record MeetingDetails(Long seriesId, MeetingKind kind, MeetingFormat format, String title, String description,
                      Instant startsAt, Instant endsAt, Long processId, long territoryId, Long communeId,
                      String address, String onlineUrl, String organiserName, boolean invitationOnly, Integer capacity,
                      boolean registrationEnabled, Instant registrationOpensAt, Instant registrationClosesAt) {
}
