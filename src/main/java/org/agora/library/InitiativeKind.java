package org.agora.library;

/** What an initiative does, on the participation ladder. */
public enum InitiativeKind {
    INFORMATION, CONSULTATION, CONCERTATION, CITIZEN_EXPRESSION, PARTICIPATORY_BUDGET, CIVIC_EDUCATION, OTHER
}
