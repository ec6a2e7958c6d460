/**
 * The organisations the authority meets (<i>structures rencontrées</i>): associations, companies, public bodies,
 * schools... A registry other modules refer to by {@link org.agora.organisations.OrganisationId} through {@link
 * org.agora.organisations.OrganisationDirectory}; merging two duplicates publishes {@link
 * org.agora.organisations.OrganisationsMerged} so that they re-point their references.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations",
        allowedDependencies = {"shared", "territories", "accounts"})
package org.agora.organisations;
