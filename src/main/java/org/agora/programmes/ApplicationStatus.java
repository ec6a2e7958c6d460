package org.agora.programmes;

import java.util.Set;

/** Where an application stands; the three decisions are statuses too. */
enum ApplicationStatus {
    DRAFT, SUBMITTED, COMPLETION_REQUESTED, WITHDRAWN, RETAINED, NOT_RETAINED, WAITING_LIST;

    static final Set<ApplicationStatus> DECISIONS = Set.of(RETAINED, NOT_RETAINED, WAITING_LIST);

    /** The applicant may change answers and files. */
    boolean editable() {
        return this == DRAFT || this == COMPLETION_REQUESTED;
    }

    /** Sent to the authority (counted as received), whatever came of it. */
    boolean received() {
        return this == SUBMITTED || this == COMPLETION_REQUESTED || DECISIONS.contains(this);
    }

    /** Staff may review and decide. */
    boolean underReview() {
        return this == SUBMITTED || this == WAITING_LIST || this == RETAINED || this == NOT_RETAINED;
    }
}
