package org.agora.meetings;

/** Where people meet: an in-person meeting has an address, an online one a link, a hybrid one both. */
public enum MeetingFormat {
    IN_PERSON, ONLINE, HYBRID;

    boolean hasPlace() {
        return this != ONLINE;
    }

    boolean hasLink() {
        return this != IN_PERSON;
    }
}
