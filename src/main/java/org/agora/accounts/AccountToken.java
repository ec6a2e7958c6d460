package org.agora.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use secret sent by mail. Only its hash is stored. */
@Entity
@Table(name = "account_token")
class AccountToken {

    enum Purpose { CONFIRM_EMAIL, RESET_PASSWORD, CHANGE_EMAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id")
    private long accountId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "new_email")
    private String newEmail;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(long accountId, Purpose purpose, String tokenHash, String newEmail, Instant now, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant now) {
        usedAt = now;
    }

    long accountId() { return accountId; }
    Purpose purpose() { return purpose; }
    String newEmail() { return newEmail; }
}
