package org.agora.accounts;

/** What a person may do. Every account is a participant; the others are granted, globally or within a scope. */
public enum Role {
    PARTICIPANT, FACILITATOR, MODERATOR, STAFF, ADMINISTRATOR;

    /** Roles that open the administration area. */
    public boolean opensAdminArea() {
        return this == MODERATOR || this == STAFF || this == ADMINISTRATOR;
    }
}
