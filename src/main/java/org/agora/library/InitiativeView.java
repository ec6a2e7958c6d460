package org.agora.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One initiative as the pages show it. */
record InitiativeView(long id, String title, String summary, InitiativeKind kind, long territoryId, Long organisationId,
                      String organisationName, String tools, LocalDate startedOn, LocalDate endedOn, String results,
                      String lessons, String contactName, String contactEmail, InitiativeStatus status, Long authorId,
                      String sourceKey, String refusalReason, Instant createdAt, Instant updatedAt,
                      Instant publishedAt, List<String> tags) {

    public boolean published() {
        return status == InitiativeStatus.PUBLISHED;
    }

    public String path() {
        return "/initiatives/" + id;
    }

    InitiativeDraft draft() {
        return new InitiativeDraft(title, summary, kind, territoryId, organisationId, organisationName, tools, startedOn,
                endedOn, results, lessons, contactName, contactEmail, tags);
    }
}
