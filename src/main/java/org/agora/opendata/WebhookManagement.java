package org.agora.opendata;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** What staff do with endpoints; every action is written to the endpoint's log with who did it. */
@Service
class WebhookManagement {

    /** A form checked: problems (field -> message key), or the values to store when there are none. */
    record Checked(String name, String url, Set<WebhookEvent> events, Map<String, String> problems) {
    }

    /** A registered endpoint and its secret, to be shown once. */
    record Registered(long id, String secret) {
    }

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookOutbox outbox;
    private final WebhookUrls urls;
    private final Clock clock;

    WebhookManagement(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookOutbox outbox, WebhookUrls urls,
                      Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
    }

    static void requireStaff(AgoraUser user) {
        if (user == null || !(user.holdsAnywhere(Role.STAFF) || user.isAdministrator())) {
            throw new AccessDeniedException("Only staff manage webhooks");
        }
    }

    Checked check(WebhookForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.name().isEmpty()) {
            problems.put("name", "opendata.webhooks.name.required");
        } else if (form.name().length() > 100) {
            problems.put("name", "opendata.webhooks.name.tooLong");
        }
        urls.problem(form.url()).ifPresent(problem -> problems.put("url", problem));
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : form.events()) {
            WebhookEvent.fromWireName(name).filter(event -> event != WebhookEvent.PING).ifPresentOrElse(events::add,
                    () -> problems.putIfAbsent("events", "opendata.webhooks.events.unknown"));
        }
        if (events.isEmpty()) {
            problems.putIfAbsent("events", "opendata.webhooks.events.required");
        }
        return new Checked(form.name(), form.url(), events, problems);
    }

    @Transactional
    Registered register(AgoraUser actor, Checked checked) {
        requireStaff(actor);
        requireValid(checked);
        String secret = WebhookSignature.newSecret();
        long id = endpoints.insert(checked.name(), checked.url(), checked.events(), secret, actor.id().value(), clock.instant());
        endpoints.log(id, checked.name(), actor.id().value(), "CREATED", describe(checked), clock.instant());
        return new Registered(id, secret);
    }

    @Transactional
    void update(AgoraUser actor, long id, Checked checked) {
        requireStaff(actor);
        requireValid(checked);
        require(id);
        endpoints.update(id, checked.name(), checked.url(), checked.events(), clock.instant());
        endpoints.log(id, checked.name(), actor.id().value(), "UPDATED", describe(checked), clock.instant());
    }

    @Transactional
    void pause(AgoraUser actor, long id) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        endpoints.pause(id, true, false, clock.instant());
        endpoints.log(id, endpoint.name(), actor.id().value(), "PAUSED", null, clock.instant());
    }

    @Transactional
    void resume(AgoraUser actor, long id) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        endpoints.pause(id, false, false, clock.instant());
        endpoints.log(id, endpoint.name(), actor.id().value(), "RESUMED", null, clock.instant());
    }

    /** Draws a new secret; the former one stops working at once. */
    @Transactional
    String regenerateSecret(AgoraUser actor, long id) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        String secret = WebhookSignature.newSecret();
        endpoints.replaceSecret(id, secret, clock.instant());
        endpoints.log(id, endpoint.name(), actor.id().value(), "SECRET_REGENERATED", null, clock.instant());
        return secret;
    }

    /** Deletes the endpoint and its deliveries; the log of actions keeps its name. */
    @Transactional
    void delete(AgoraUser actor, long id) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        endpoints.delete(id);
        endpoints.log(id, endpoint.name(), actor.id().value(), "DELETED", endpoint.url(), clock.instant());
    }

    /** Queues the same event again (same payload and event id) as a new delivery, due at once. */
    @Transactional
    long redeliver(AgoraUser actor, long id, long deliveryId) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        WebhookDeliveries.Delivery delivery = deliveries.find(deliveryId).filter(found -> found.endpointId() == id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        WebhookEvent event = WebhookEvent.fromWireName(delivery.event()).orElseThrow();
        long copy = deliveries.insert(id, delivery.eventId(), event, delivery.payload(), delivery.occurredAt(), clock.instant());
        endpoints.log(id, endpoint.name(), actor.id().value(), "REDELIVERED",
                event.wireName() + " " + delivery.eventId() + " (#" + deliveryId + " → #" + copy + ")", clock.instant());
        return copy;
    }

    /** Queues a ping, sent with the next run of the dispatcher (paused endpoints get it once resumed). */
    @Transactional
    long ping(AgoraUser actor, long id) {
        requireStaff(actor);
        WebhookEndpoints.Endpoint endpoint = require(id);
        long delivery = outbox.ping(id);
        endpoints.log(id, endpoint.name(), actor.id().value(), "PING", "#" + delivery, clock.instant());
        return delivery;
    }

    WebhookEndpoints.Endpoint require(long id) {
        return endpoints.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireValid(Checked checked) {
        if (!checked.problems().isEmpty()) {
            throw new IllegalArgumentException("Check the form first: " + checked.problems());
        }
    }

    private static String describe(Checked checked) {
        return checked.url() + " " + WebhookEndpoints.stored(checked.events());
    }
}
