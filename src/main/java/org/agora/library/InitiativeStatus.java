package org.agora.library;

/** Proposed initiatives wait for staff, who publish or refuse them. */
public enum InitiativeStatus {
    PROPOSED, PUBLISHED, REFUSED
}
