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
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
class Account {

    enum Status { PENDING, ACTIVE, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String pseudonym;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "commune_id")
    private Long communeId;
    private String language;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "notification_frequency")
    private NotificationFrequency notificationFrequency;
    @Column(name = "notify_by_email")
    private boolean notifyByEmail;
    @Column(name = "open_data_name")
    private boolean openDataName;
    @Column(name = "pending_email")
    private String pendingEmail;
    @Column(name = "oidc_subject")
    private String oidcSubject;
    @Column(name = "terms_accepted_at")
    private Instant termsAcceptedAt;
    @Column(name = "email_confirmed_at")
    private Instant emailConfirmedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected Account() {
    }

    static Account signUp(String email, String pseudonym, String passwordHash, Long communeId, String language, Instant now) {
        Account account = new Account();
        account.email = Emails.normalize(email);
        account.pseudonym = pseudonym.strip();
        account.passwordHash = passwordHash;
        account.communeId = communeId;
        account.language = language;
        account.status = Status.PENDING;
        account.notificationFrequency = NotificationFrequency.IMMEDIATE;
        account.notifyByEmail = true;
        account.termsAcceptedAt = now;
        account.createdAt = now;
        return account;
    }

    /** An account whose address is vouched for by configuration or an identity provider. */
    static Account confirmed(String email, String pseudonym, String passwordHash, String language, Instant now) {
        Account account = signUp(email, pseudonym, passwordHash, null, language, now);
        account.confirmEmail(now);
        return account;
    }

    void confirmEmail(Instant now) {
        if (status == Status.PENDING) {
            status = Status.ACTIVE;
            emailConfirmedAt = now;
        }
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void updateProfile(String pseudonym, Long communeId, String language, NotificationFrequency frequency, boolean notifyByEmail) {
        this.pseudonym = pseudonym.strip();
        this.communeId = communeId;
        this.language = language;
        this.notificationFrequency = frequency;
        this.notifyByEmail = notifyByEmail;
    }

    void changeNotificationFrequency(NotificationFrequency frequency) {
        this.notificationFrequency = frequency;
        this.notifyByEmail = frequency != NotificationFrequency.NEVER;
    }

    void requestEmailChange(String newEmail) {
        this.pendingEmail = Emails.normalize(newEmail);
    }

    void changeEmail(String newEmail) {
        this.email = Emails.normalize(newEmail);
        this.pendingEmail = null;
    }

    void linkIdentity(String oidcSubject) {
        this.oidcSubject = oidcSubject;
    }

    /** Erases personal data; the row stays so that contributions keep an author shown as deleted. */
    void erase(Instant now) {
        this.email = null;
        this.pendingEmail = null;
        this.passwordHash = null;
        this.oidcSubject = null;
        this.communeId = null;
        this.pseudonym = "deleted-" + id;
        this.notifyByEmail = false;
        this.status = Status.DELETED;
        this.deletedAt = now;
    }

    boolean isActive() {
        return status == Status.ACTIVE;
    }

    boolean isDeleted() {
        return status == Status.DELETED;
    }

    AccountId accountId() {
        return new AccountId(id);
    }

    Long id() { return id; }
    String email() { return email; }
    String pseudonym() { return pseudonym; }
    String passwordHash() { return passwordHash; }
    Long communeId() { return communeId; }
    String language() { return language; }
    Status status() { return status; }
    NotificationFrequency notificationFrequency() { return notificationFrequency; }
    boolean notifyByEmail() { return notifyByEmail; }
    boolean openDataName() { return openDataName; }

    /** Whether the person shows their pseudonym in open data and the API instead of a pseudonymous id. */
    void showNameInOpenData(boolean show) {
        this.openDataName = show;
    }
    String pendingEmail() { return pendingEmail; }
    String oidcSubject() { return oidcSubject; }
    Instant termsAcceptedAt() { return termsAcceptedAt; }
    Instant emailConfirmedAt() { return emailConfirmedAt; }
    Instant createdAt() { return createdAt; }
}
