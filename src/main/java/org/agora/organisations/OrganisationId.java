package org.agora.organisations;

/** How other modules refer to an organisation. */
public record OrganisationId(long value) {
}
