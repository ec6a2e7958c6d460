package org.agora.meetings;

/** The tour and the Fabriks are meant to reach every living area, so their pages show which ones have a meeting. */
public enum SeriesKind {
    CITIZEN_TOUR, FABRIKS, SEMINAR_CYCLE, OTHER;

    boolean coversLivingAreas() {
        return this == CITIZEN_TOUR || this == FABRIKS;
    }
}
