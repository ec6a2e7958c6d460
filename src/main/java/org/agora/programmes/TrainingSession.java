package org.agora.programmes;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session of a training module: when, where (a place, or online) and who trains. */
@Entity
@Table(name = "training_session")
class TrainingSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long moduleId;
    private Instant startsAt;
    private String place;
    private boolean online;
    private String trainer;

    protected TrainingSession() {
    }

    TrainingSession(long moduleId, Instant startsAt, String place, boolean online, String trainer) {
        this.moduleId = moduleId;
        this.startsAt = startsAt;
        this.place = place;
        this.online = online;
        this.trainer = trainer;
    }

    Long id() {
        return id;
    }

    long moduleId() {
        return moduleId;
    }

    Instant startsAt() {
        return startsAt;
    }

    String place() {
        return place;
    }

    boolean online() {
        return online;
    }

    String trainer() {
        return trainer;
    }
}
