package org.agora.meetings;

import java.time.Instant;

/**
 * One line of a check-in list: a registration (with its attendance row when someone marked it) or a walk-in (no
 * registration, or one that held no seat). {@code attendanceId} is null while nobody marked the person.
 */
record Attendee(Long registrationId, Long attendanceId, String name, String email, String code,
                RegistrationStatus status, boolean walkIn, boolean present, Instant markedAt, String accessibilityNeeds) {

    /** Only a confirmed seat can be marked present as such; the others come in as walk-ins. */
    public boolean mayBeMarked() {
        return walkIn || status == RegistrationStatus.CONFIRMED;
    }
}
