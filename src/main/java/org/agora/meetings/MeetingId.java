package org.agora.meetings;

/** Identifies a meeting; other modules refer to a meeting only through it. */
public record MeetingId(long value) {

    public MeetingId {
        if (value <= 0) {
            throw new IllegalArgumentException("A meeting id is positive");
        }
    }
}
