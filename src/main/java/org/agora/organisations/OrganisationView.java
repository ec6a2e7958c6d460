package org.agora.organisations;

/** What other modules may know of an organisation; {@code siren} and {@code website} may be null. */
public record OrganisationView(OrganisationId id, String name, OrganisationKind kind, long territoryId, String siren,
                               String website) {
}
