package org.agora.library;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The proposal form as typed; {@link #draft} turns it into a draft, noting what cannot be read. */
record InitiativeForm(String title, String summary, String kind, Long territoryId, String organisationName,
                      String tools, String startedOn, String endedOn, String results, String lessons,
                      String contactName, String contactEmail, String tags) {

    static InitiativeForm empty(String contactName, String contactEmail) {
        return new InitiativeForm("", "", "", null, "", "", "", "", "", "", contactName, contactEmail, "");
    }

    static InitiativeForm of(InitiativeView initiative) {
        return new InitiativeForm(initiative.title(), initiative.summary(), initiative.kind().name(),
                initiative.territoryId(), initiative.organisationName() == null ? "" : initiative.organisationName(),
                initiative.tools(), initiative.startedOn() == null ? "" : initiative.startedOn().toString(),
                initiative.endedOn() == null ? "" : initiative.endedOn().toString(), initiative.results(),
                initiative.lessons(), initiative.contactName(), initiative.contactEmail(),
                String.join(", ", initiative.tags()));
    }

    /** The draft, with {@code organisationId} when the registry knows the organisation named. */
    InitiativeDraft draft(Long organisationId, Map<String, String> problems) {
        InitiativeKind parsedKind = null;
        try {
            parsedKind = kind == null || kind.isBlank() ? null : InitiativeKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            problems.put("kind", "library.initiative.error.kind");
        }
        LocalDate start = date(startedOn, "startedOn", problems);
        LocalDate end = date(endedOn, "endedOn", problems);
        return new InitiativeDraft(title, summary, parsedKind, territoryId, organisationId, organisationName, tools,
                start, end, results, lessons, contactName, contactEmail, InitiativeDraft.tags(tags));
    }

    /** Every problem of the form: what could not be read, then the draft's own. */
    Map<String, String> problems(InitiativeDraft draft, Map<String, String> unreadable) {
        Map<String, String> problems = new LinkedHashMap<>(draft.problems());
        unreadable.forEach(problems::putIfAbsent);
        return problems;
    }

    private static LocalDate date(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            problems.put(field, "library.initiative.error.date");
            return null;
        }
    }
}
