package org.agora.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the accounts action log: who did what to which account, and why. */
@Entity
@Table(name = "account_action")
class AccountAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "actor_id")
    private Long actorId;
    @Column(name = "account_id")
    private long accountId;
    private String action;
    private String detail;
    @Column(name = "happened_at")
    private Instant happenedAt;

    protected AccountAction() {
    }

    AccountAction(Long actorId, long accountId, String action, String detail, Instant happenedAt) {
        this.actorId = actorId;
        this.accountId = accountId;
        this.action = action;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.happenedAt = happenedAt;
    }

    Long actorId() { return actorId; }
    long accountId() { return accountId; }
    String action() { return action; }
    String detail() { return detail; }
    Instant happenedAt() { return happenedAt; }
}
