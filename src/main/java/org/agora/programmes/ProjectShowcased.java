package org.agora.programmes;

import java.time.LocalDate;

/**
 * A retained project's showcase page was published, or rewritten while published. Other modules may list the project
 * elsewhere (the library shows it among the local initiatives); {@code path} is its public page.
 *
 * @param applicationId  the retained application, stable across rewrites
 * @param territoryId    the territory of the organisation that carried the project
 * @param retainedOn     the day of the decision, in Paris
 * @param contactName    who wrote the application (their pseudonym), to be reached about the project
 * @param contactEmail   their address, never to be shown publicly
 */
public record ProjectShowcased(long applicationId, String title, long organisationId, long territoryId,
                               String done, String tools, String results, LocalDate retainedOn, String path,
                               String contactName, String contactEmail) {
}
