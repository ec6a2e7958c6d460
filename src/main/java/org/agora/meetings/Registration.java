package org.agora.meetings;

import java.time.Instant;

/** One person's registration to one meeting. */
record Registration(long id, long meetingId, Long accountId, String name, String email, String language, String code,
                    RegistrationStatus status, String accessibilityNeeds, Instant createdAt, Instant queuedAt,
                    Instant confirmExpiresAt, Instant reminderSentAt) {
}
