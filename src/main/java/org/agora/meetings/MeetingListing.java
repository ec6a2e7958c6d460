package org.agora.meetings;

import java.time.Instant;
import java.util.Set;

import org.agora.shared.ResultPage;

/**
 * Read-only, paged query of the public meetings (published or cancelled, not by invitation) for the API and open data.
 * Nothing about registrations leaves through it but the number of confirmed seats.
 */
public interface MeetingListing {

    /**
     * {@code territories} null for any (else the ids to match, the caller expanding a territory to those below it);
     * {@code from} inclusive and {@code to} exclusive on the start time; null means unbounded.
     */
    record Query(Long process, Set<Long> territories, Instant from, Instant to, int offset, int limit) {
    }

    record Listed(MeetingId id, String title, String description, MeetingKind kind, MeetingFormat format,
                  Instant startsAt, Instant endsAt, Long processId, long territoryId, String address,
                  boolean cancelled, Integer capacity, int registered, String path) {
    }

    /** Public meetings by start time, soonest first. */
    ResultPage<Listed> list(Query query);
}
