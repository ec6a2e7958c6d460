package org.agora.meetings;

/**
 * PENDING: a guest who has not clicked the confirmation link yet, holding no seat. CONFIRMED holds a seat; WAITING is
 * in the queue, ordered by the time it joined.
 */
enum RegistrationStatus {
    PENDING, CONFIRMED, WAITING, CANCELLED;

    public boolean active() {
        return this != CANCELLED;
    }
}
