package org.agora.meetings;

/**
 * Someone took a seat at a meeting, or a place on its waiting list: a signed-in person at once, a guest once they
 * followed the mailed link. Carries no personal data, only the registration's id.
 */
public record RegisteredForMeeting(MeetingId meetingId, long registrationId, boolean waitingList, boolean invitationOnly) {
}
