package org.agora.meetings;

/** A meeting left its draft and is now public (unless it is by invitation, which other modules may then not show). */
public record MeetingPublished(MeetingId meetingId, boolean invitationOnly) {
}
