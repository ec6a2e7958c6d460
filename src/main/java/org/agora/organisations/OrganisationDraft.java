package org.agora.organisations;

/** A new organisation as another module describes it; {@code siren} and {@code website} may be null. */
public record OrganisationDraft(String name, OrganisationKind kind, long territoryId, String siren, String website) {
}
