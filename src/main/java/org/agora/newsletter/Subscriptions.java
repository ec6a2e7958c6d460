package org.agora.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Subscribing (double opt-in), confirming, unsubscribing, preferences. Every answer to the public form is the same
 * whether the address was known or not, so that the form tells nobody who subscribed.
 */
@Service
class Subscriptions {

    /** The wording of the consent shown on the forms (newsletter.consent); bump it when that text changes. */
    static final String CONSENT_VERSION = "2026-12";

    static final String CONFIRM_PATH = "/newsletter/confirm/";
    static final String UNSUBSCRIBE_PATH = "/newsletter/unsubscribe/";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]{2,}");

    private final Subscribers subscribers;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    Subscriptions(Subscribers subscribers, JdbcClient jdbc, ApplicationEventPublisher events, MessageSource messages,
                  Clock clock, @Value("${agora.base-url}") String baseUrl) {
        this.subscribers = subscribers;
        this.jdbc = jdbc;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static boolean validEmail(String email) {
        String normalised = Subscriber.normalise(email);
        return normalised.length() <= 254 && EMAIL.matcher(normalised).matches();
    }

    String absolute(String path) {
        return baseUrl + path;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Records a consent from the public form (or an import) and mails the confirmation link. A confirmed address is
     * left as it is: whoever typed it may not be its owner.
     */
    @Transactional
    void subscribe(String email, String language, Preferences preferences, Subscriber.Source source) {
        String lang = "en".equals(language) ? "en" : "fr";
        Optional<Subscriber> known = subscribers.findByEmail(Subscriber.normalise(email));
        if (known.isPresent() && known.get().confirmed()) {
            return;
        }
        Subscriber subscriber = known.orElse(null);
        if (subscriber == null) {
            subscriber = subscribers.saveAndFlush(Subscriber.subscribe(email, lang, preferences, null, source,
                    CONSENT_VERSION, now()));
        } else {
            subscriber.resubscribe(lang, preferences, null, source, CONSENT_VERSION, now());
        }
        mailConfirmation(subscriber);
    }

    /**
     * A signed-in person subscribes the address of their account, already proven theirs: confirmed at once, consent
     * recorded as given on their profile.
     */
    @Transactional
    void subscribeAccount(long accountId, String email, String language, Preferences preferences) {
        String lang = "en".equals(language) ? "en" : "fr";
        Subscriber subscriber = subscribers.findByEmail(Subscriber.normalise(email)).orElse(null);
        if (subscriber != null && subscriber.confirmed()) {
            subscriber.linkAccount(accountId);
            subscriber.changePreferences(preferences);
            return;
        }
        if (subscriber == null) {
            subscriber = subscribers.saveAndFlush(Subscriber.subscribe(email, lang, preferences, accountId,
                    Subscriber.Source.PROFILE, CONSENT_VERSION, now()));
        } else {
            subscriber.resubscribe(lang, preferences, accountId, Subscriber.Source.PROFILE, CONSENT_VERSION, now());
        }
        confirmed(subscriber);
    }

    /** Empty when the token is unknown; confirming twice is harmless. */
    @Transactional
    Optional<Subscriber> confirm(String token) {
        Optional<Subscriber> subscriber = byToken(token);
        subscriber.ifPresent(this::confirmed);
        return subscriber;
    }

    private void confirmed(Subscriber subscriber) {
        if (subscriber.confirm(now())) {
            log(subscriber, "CONFIRMED", null);
        }
    }

    /** Empty when the token is unknown; unsubscribing twice is harmless. */
    @Transactional
    Optional<Subscriber> unsubscribe(String token) {
        Optional<Subscriber> subscriber = byToken(token);
        subscriber.ifPresent(found -> unsubscribe(found, Subscriber.Reason.REQUEST));
        return subscriber;
    }

    void unsubscribe(Subscriber subscriber, Subscriber.Reason reason) {
        if (subscriber.unsubscribe(reason, now())) {
            logUnsubscribed(subscriber, reason);
        }
    }

    /** Records, for the figures, that a confirmed subscriber left. */
    void logUnsubscribed(Subscriber subscriber, Subscriber.Reason reason) {
        log(subscriber, "UNSUBSCRIBED", reason.name());
    }

    @Transactional
    Optional<Subscriber> changePreferences(String token, Preferences preferences) {
        Optional<Subscriber> subscriber = byToken(token);
        subscriber.ifPresent(found -> found.changePreferences(preferences));
        return subscriber;
    }

    @Transactional(readOnly = true)
    Optional<Subscriber> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{10,64}")) {
            return Optional.empty();
        }
        return subscribers.findByToken(token);
    }

    @Transactional(readOnly = true)
    Optional<Subscriber> byEmail(String email) {
        return subscribers.findByEmail(Subscriber.normalise(email));
    }

    private void log(Subscriber subscriber, String kind, String reason) {
        jdbc.sql("insert into newsletter_subscription_change (subscriber_id, kind, reason, occurred_at) values (?, ?, ?, ?)")
                .params(subscriber.id(), kind, reason, java.sql.Timestamp.from(now())).update();
    }

    private void mailConfirmation(Subscriber subscriber) {
        Locale locale = Locale.of(subscriber.language());
        String link = absolute(CONFIRM_PATH + subscriber.token());
        String subject = messages.getMessage("newsletter.mail.confirm.subject", null, locale);
        String intro = messages.getMessage("newsletter.mail.confirm.intro", null, locale);
        String action = messages.getMessage("newsletter.mail.confirm.action", null, locale);
        String ignore = messages.getMessage("newsletter.mail.confirm.ignore", null, locale);
        String text = intro + "\n\n" + action + "\n" + link + "\n\n" + ignore + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + subscriber.language() + "\"><head><meta charset=\"utf-8\"><title>"
                + HtmlUtils.htmlEscape(subject) + "</title></head><body><p>" + HtmlUtils.htmlEscape(intro) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(action) + "</a></p><p>"
                + HtmlUtils.htmlEscape(ignore) + "</p></body></html>";
        events.publishEvent(new MailRequested(null, subscriber.email(), subscriber.language(), "newsletter-confirmation",
                subject, text, html, null, null));
    }
}
