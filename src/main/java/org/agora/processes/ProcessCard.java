package org.agora.processes;

import java.time.LocalDate;

/** What another module may show of a process. */
public record ProcessCard(String slug, String title, String summary, String territoryName, String currentPhase,
                          LocalDate startsOn, LocalDate endsOn) {
}
