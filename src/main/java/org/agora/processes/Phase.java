package org.agora.processes;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One step of a process, with inclusive dates, and whether participants may propose and support during it. */
@Embeddable
record Phase(String name, String description, @Column(name = "starts_on") LocalDate startsOn,
             @Column(name = "ends_on") LocalDate endsOn, @Column(name = "proposals_open") boolean proposalsOpen,
             @Column(name = "supports_open") boolean supportsOpen) {

    Phase {
        if (name == null || name.isBlank() || startsOn == null || endsOn == null) {
            throw new IllegalArgumentException("A phase has a name and dates");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("A phase cannot end before it starts");
        }
        description = description == null || description.isBlank() ? null : description.strip();
    }

    /** A phase in which nothing can be proposed or supported. */
    Phase(String name, String description, LocalDate startsOn, LocalDate endsOn) {
        this(name, description, startsOn, endsOn, false, false);
    }

    boolean includes(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
