package org.agora.organisations;

/**
 * Two records of the same organisation became one: {@code removed} no longer exists, and modules that refer to it
 * point at {@code kept} from now on. Published in the merging transaction (listeners run synchronously).
 */
public record OrganisationsMerged(OrganisationId kept, OrganisationId removed) {
}
