package org.agora.newsletter;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A newsletter subscriber, with or without an account. */
@Entity
@Table(name = "newsletter_subscriber")
class Subscriber {

    enum Status { PENDING, CONFIRMED, UNSUBSCRIBED }

    /** Where consent was given. */
    enum Source { FORM, PROFILE, IMPORT }

    /** Why an address stopped receiving editions. */
    enum Reason { REQUEST, REFUSALS }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String language;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String token;

    private String themes;

    private String territories;

    private Long accountId;

    private Instant consentAt;

    private String consentTextVersion;

    @Enumerated(EnumType.STRING)
    private Source consentSource;

    private Instant createdAt;

    private Instant confirmedAt;

    private Instant unsubscribedAt;

    @Enumerated(EnumType.STRING)
    private Reason unsubscribeReason;

    private int refusals;

    private String lastRefusal;

    protected Subscriber() {
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static Subscriber subscribe(String email, String language, Preferences preferences, Long accountId, Source source,
                                String consentVersion, Instant now) {
        Subscriber subscriber = new Subscriber();
        subscriber.email = normalise(email);
        subscriber.createdAt = now;
        subscriber.refusals = 0;
        subscriber.resubscribe(language, preferences, accountId, source, consentVersion, now);
        return subscriber;
    }

    /** A new consent: a fresh token, waiting for confirmation again (an unsubscribed address must opt in again). */
    void resubscribe(String language, Preferences preferences, Long accountId, Source source, String consentVersion,
                     Instant now) {
        this.language = language;
        this.themes = NewsletterTheme.join(preferences.themes());
        this.territories = joinIds(preferences.territories());
        if (accountId != null) {
            this.accountId = accountId;
        }
        this.consentAt = now;
        this.consentSource = source;
        this.consentTextVersion = consentVersion;
        this.status = Status.PENDING;
        this.token = newToken();
        this.confirmedAt = null;
        this.unsubscribedAt = null;
        this.unsubscribeReason = null;
        this.refusals = 0;
        this.lastRefusal = null;
    }

    /** True when this call confirmed the address; confirming again changes nothing. */
    boolean confirm(Instant now) {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.CONFIRMED;
        confirmedAt = now;
        return true;
    }

    /** True when this call unsubscribed the address; unsubscribing again changes nothing. */
    boolean unsubscribe(Reason reason, Instant now) {
        if (status == Status.UNSUBSCRIBED) {
            return false;
        }
        boolean wasConfirmed = status == Status.CONFIRMED;
        status = Status.UNSUBSCRIBED;
        unsubscribedAt = now;
        unsubscribeReason = reason;
        return wasConfirmed;
    }

    void changePreferences(Preferences preferences) {
        this.themes = NewsletterTheme.join(preferences.themes());
        this.territories = joinIds(preferences.territories());
    }

    /** Counts a hard refusal; true when it reached the threshold and the address was unsubscribed. */
    boolean refused(String error, int threshold, Instant now) {
        refusals++;
        lastRefusal = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        return refusals >= threshold && unsubscribe(Reason.REFUSALS, now);
    }

    void delivered() {
        refusals = 0;
    }

    void linkAccount(Long accountId) {
        this.accountId = accountId;
    }

    Preferences preferences() {
        return new Preferences(NewsletterTheme.parse(themes), parseIds(territories));
    }

    static String joinIds(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Long> parseIds(String ids) {
        Set<Long> parsed = new LinkedHashSet<>();
        if (ids == null || ids.isBlank()) {
            return parsed;
        }
        for (String id : ids.split(",")) {
            if (id.strip().matches("[0-9]{1,18}")) {
                parsed.add(Long.parseLong(id.strip()));
            }
        }
        return parsed;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Long id() {
        return id;
    }

    String email() {
        return email;
    }

    String language() {
        return language;
    }

    Status status() {
        return status;
    }

    String token() {
        return token;
    }

    Long accountId() {
        return accountId;
    }

    Instant consentAt() {
        return consentAt;
    }

    String consentTextVersion() {
        return consentTextVersion;
    }

    Source consentSource() {
        return consentSource;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    Reason unsubscribeReason() {
        return unsubscribeReason;
    }

    int refusals() {
        return refusals;
    }

    String lastRefusal() {
        return lastRefusal;
    }

    boolean confirmed() {
        return status == Status.CONFIRMED;
    }
}
