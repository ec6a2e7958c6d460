package org.agora.meetings;

import org.springframework.http.HttpStatus;

/** A request the rules refuse; {@code key} is the message shown, {@code status} the 4xx answered. */
class MeetingRefused extends RuntimeException {

    private final String key;
    private final HttpStatus status;

    MeetingRefused(String key, HttpStatus status) {
        super(key, null, false, false);
        this.key = key;
        this.status = status;
    }

    static MeetingRefused conflict(String key) {
        return new MeetingRefused(key, HttpStatus.CONFLICT);
    }

    static MeetingRefused forbidden() {
        return new MeetingRefused("meetings.refused.forbidden", HttpStatus.FORBIDDEN);
    }

    static MeetingRefused notFound() {
        return new MeetingRefused("meetings.refused.not-found", HttpStatus.NOT_FOUND);
    }

    String key() {
        return key;
    }

    HttpStatus status() {
        return status;
    }
}
