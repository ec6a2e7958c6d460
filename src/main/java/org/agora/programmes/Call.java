package org.agora.programmes;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.agora.shared.Clocks;

/** A call for applications or for projects, as staff set it up. */
record Call(long id, CallKind kind, String title, String description, long territoryId, Set<ApplicantKind> eligible,
            Instant opensAt, Instant closesAt, List<String> requiredDocuments, int selections, int ratePercent,
            long capCents, int accompanimentDays) {

    /** Open at {@code now}: from its opening instant (included) to its closing instant (excluded). */
    boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    boolean closedAt(Instant now) {
        return !now.isBefore(closesAt);
    }

    public ZonedDateTime opensInParis() {
        return opensAt.atZone(Clocks.PARIS);
    }

    public ZonedDateTime closesInParis() {
        return closesAt.atZone(Clocks.PARIS);
    }

    public boolean grants() {
        return kind == CallKind.PROJECTS;
    }

    public boolean accompanies() {
        return kind == CallKind.APPLICATIONS;
    }

    public String path() {
        return "/programmes/appels/" + id;
    }
}
