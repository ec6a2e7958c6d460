package org.agora.processes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One staff change to a process, kept for its history. */
@Entity
@Table(name = "process_action")
class ProcessAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id")
    private long processId;

    @Column(name = "actor_id")
    private Long actorId;

    private String action;

    private String detail;

    @Column(name = "happened_at")
    private Instant happenedAt;

    protected ProcessAction() {
    }

    ProcessAction(long processId, Long actorId, String action, String detail, Instant happenedAt) {
        this.processId = processId;
        this.actorId = actorId;
        this.action = action;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.happenedAt = happenedAt;
    }

    Long actorId() { return actorId; }
    String action() { return action; }
    String detail() { return detail; }
    Instant happenedAt() { return happenedAt; }
}
