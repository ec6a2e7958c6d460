package org.agora.programmes;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.agora.shared.Clocks;

/** An organisation's application to a call, as it stands. */
record Application(long id, long callId, long organisationId, ApplicationStatus status, String title,
                   Long eligibleCostCents, String completionRequest, String decisionReason, Instant decidedAt,
                   Instant completedAt, long createdBy, Instant createdAt, Instant updatedAt, Instant submittedAt) {

    public boolean editable() {
        return status.editable();
    }

    public boolean retained() {
        return status == ApplicationStatus.RETAINED;
    }

    public boolean completed() {
        return completedAt != null;
    }

    public ZonedDateTime submittedInParis() {
        return submittedAt == null ? null : submittedAt.atZone(Clocks.PARIS);
    }

    public ZonedDateTime updatedInParis() {
        return updatedAt.atZone(Clocks.PARIS);
    }

    public String path() {
        return "/programmes/candidatures/" + id;
    }

    public String adminPath() {
        return "/admin/programmes/candidatures/" + id;
    }
}
