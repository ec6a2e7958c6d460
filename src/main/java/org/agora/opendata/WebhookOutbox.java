package org.agora.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.agora.accountability.ProposalAnswered;
import org.agora.meetings.MeetingCatalog;
import org.agora.meetings.MeetingPublished;
import org.agora.meetings.MeetingRegistrationCancelled;
import org.agora.meetings.RegisteredForMeeting;
import org.agora.panels.PanelDrawn;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.PublicProcess;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalPublished;
import org.agora.proposals.PublicProposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the features' events into deliveries: one row per subscribed endpoint, written synchronously in the
 * transaction that published the event, so that a delivery exists if and only if what it reports was committed, and
 * survives a stop of the application. The payload is fixed at that moment: ids, a few public fields, and links to the
 * public page and the API. Nothing is sent for what is not public (a meeting by invitation, a proposal of a process
 * not published).
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final ProposalCatalog proposals;
    private final ProcessCatalog processes;
    private final MeetingCatalog meetings;
    private final Clock clock;
    private final String baseUrl;

    WebhookOutbox(WebhookEndpoints endpoints, WebhookDeliveries deliveries, ProposalCatalog proposals,
                  ProcessCatalog processes, MeetingCatalog meetings, Clock clock,
                  @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.proposals = proposals;
        this.processes = processes;
        this.meetings = meetings;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener
    void on(ProposalPublished published) {
        proposals.findPublic(published.proposalId()).ifPresent(proposal -> {
            Map<String, Object> data = proposal(proposal);
            record(WebhookEvent.PROPOSAL_PUBLISHED, data);
        });
    }

    @EventListener
    void on(ProposalAnswered answered) {
        proposals.findPublic(answered.proposalId()).ifPresent(proposal -> {
            Map<String, Object> data = proposal(proposal);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("destinationKind", answered.destinationKind().name());
            answer.put("destination", answered.destinationLabel());
            answer.put("text", answered.answerText());
            answer.put("publishedAt", text(answered.publishedAt()));
            data.put("answer", answer);
            record(WebhookEvent.PROPOSAL_ANSWERED, data);
        });
    }

    @EventListener
    void on(MeetingPublished published) {
        if (published.invitationOnly()) {
            return;
        }
        meetings.findPublic(published.meetingId()).ifPresent(meeting -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("meetingId", meeting.id().value());
            data.put("title", meeting.title());
            data.put("kind", meeting.kind());
            data.put("startsAt", text(meeting.startsAt()));
            data.put("endsAt", text(meeting.endsAt()));
            data.put("processId", meeting.processId());
            data.put("territoryId", meeting.territoryId());
            data.put("links", links(meeting.path(), "/api/v1/meetings/" + meeting.id().value()));
            record(WebhookEvent.MEETING_PUBLISHED, data);
        });
    }

    @EventListener
    void on(RegisteredForMeeting registered) {
        if (!registered.invitationOnly()) {
            registration(WebhookEvent.MEETING_REGISTRATION_CREATED, registered.meetingId().value(),
                    registered.registrationId(), registered.waitingList());
        }
    }

    @EventListener
    void on(MeetingRegistrationCancelled cancelled) {
        if (!cancelled.invitationOnly()) {
            registration(WebhookEvent.MEETING_REGISTRATION_CANCELLED, cancelled.meetingId().value(),
                    cancelled.registrationId(), null);
        }
    }

    @EventListener
    void on(PanelDrawn drawn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("panelId", drawn.panelId());
        data.put("slug", drawn.slug());
        data.put("drawnIndex", drawn.drawnIndex());
        Map<String, Object> links = links("/panels/" + drawn.slug(), "/api/v1/panels/" + drawn.slug());
        links.put("verification", baseUrl + "/panels/" + drawn.slug() + "/verification");
        data.put("links", links);
        record(WebhookEvent.PANEL_DRAWN, data);
    }

    private void registration(WebhookEvent event, long meetingId, long registrationId, Boolean waitingList) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId);
        data.put("registrationId", registrationId);
        if (waitingList != null) {
            data.put("waitingList", waitingList);
        }
        data.put("links", links("/meetings/" + meetingId, "/api/v1/meetings/" + meetingId));
        record(event, data);
    }

    private Map<String, Object> proposal(PublicProposal proposal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposalId", proposal.id().value());
        data.put("reference", proposal.reference());
        data.put("processId", proposal.processId().value());
        processes.findPublic(proposal.processId()).map(PublicProcess::slug).ifPresent(slug -> data.put("processSlug", slug));
        if (!proposal.hidden()) {
            data.put("title", proposal.title());
        }
        data.put("territoryId", proposal.territoryId());
        data.put("theme", proposal.theme());
        data.put("publishedAt", text(proposal.publishedAt()));
        data.put("links", links(proposal.path(), "/api/v1/proposals/" + proposal.id().value()));
        return data;
    }

    private Map<String, Object> links(String page, String api) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("page", baseUrl + page);
        links.put("api", baseUrl + api);
        return links;
    }

    /** Writes one delivery per endpoint subscribed to the event; answers how many. */
    int record(WebhookEvent event, Map<String, Object> data) {
        List<WebhookEndpoints.Endpoint> subscribed = endpoints.subscribedTo(event);
        if (subscribed.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        String payload = payload(eventId, event, now, data);
        subscribed.forEach(endpoint -> deliveries.insert(endpoint.id(), eventId, event, payload, now, now));
        log.debug("Webhook event {} {} queued for {} endpoint(s)", event.wireName(), eventId, subscribed.size());
        return subscribed.size();
    }

    /** A ping for one endpoint, whether it subscribes to anything or not. */
    long ping(long endpointId) {
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpointId", endpointId);
        data.put("links", Map.of("page", baseUrl + "/"));
        return deliveries.insert(endpointId, eventId, WebhookEvent.PING, payload(eventId, WebhookEvent.PING, now, data),
                now, now);
    }

    static String payload(String eventId, WebhookEvent event, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("event", event.wireName());
        body.put("occurredAt", text(occurredAt));
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

}
