package org.agora.meetings;

/** What a registration request led to; {@code existing} when the person was already registered (idempotent). */
record RegistrationOutcome(Registration registration, boolean existing) {
}
