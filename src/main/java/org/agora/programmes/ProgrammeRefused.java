package org.agora.programmes;

import org.springframework.http.HttpStatus;

/** A request the rules refuse; {@code key} is the message shown, {@code status} the 4xx answered. */
class ProgrammeRefused extends RuntimeException {

    private final String key;
    private final HttpStatus status;

    ProgrammeRefused(String key, HttpStatus status) {
        super(key, null, false, false);
        this.key = key;
        this.status = status;
    }

    static ProgrammeRefused conflict(String key) {
        return new ProgrammeRefused(key, HttpStatus.CONFLICT);
    }

    static ProgrammeRefused invalid(String key) {
        return new ProgrammeRefused(key, HttpStatus.BAD_REQUEST);
    }

    static ProgrammeRefused forbidden() {
        return new ProgrammeRefused("programmes.call.refused.forbidden", HttpStatus.FORBIDDEN);
    }

    static ProgrammeRefused notFound() {
        return new ProgrammeRefused("programmes.call.refused.not-found", HttpStatus.NOT_FOUND);
    }

    String key() {
        return key;
    }

    HttpStatus status() {
        return status;
    }
}
