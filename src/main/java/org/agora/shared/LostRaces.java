package org.agora.shared;

import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Runs a whole transaction again when it lost a race with another one: a row created meanwhile (unique constraint),
 * a lock timeout or a deadlock. The attempt must be a complete transaction, so that nothing of a lost one stays.
 */
public final class LostRaces {

    private LostRaces() {
    }

    public static <T> T retry(int attempts, Supplier<T> transaction) {
        for (int tries = 1; ; tries++) {
            try {
                return transaction.get();
            } catch (DataIntegrityViolationException | ConcurrencyFailureException lostRace) {
                if (tries >= attempts) {
                    throw lostRace;
                }
            }
        }
    }
}
