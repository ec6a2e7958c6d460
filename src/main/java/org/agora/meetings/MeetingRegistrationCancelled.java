package org.agora.meetings;

/** A confirmed or waiting registration was cancelled by the person who made it. Carries no personal data. */
public record MeetingRegistrationCancelled(MeetingId meetingId, long registrationId, boolean invitationOnly) {
}
