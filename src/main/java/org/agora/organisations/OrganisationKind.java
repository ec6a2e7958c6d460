package org.agora.organisations;

/** What sort of organisation it is. */
public enum OrganisationKind {
    ASSOCIATION, COMPANY, PUBLIC_BODY, SCHOOL, OTHER
}
