package org.agora.opendata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an endpoint may subscribe to; {@link #PING} is only sent on demand from the admin page. */
enum WebhookEvent {
    PROPOSAL_PUBLISHED("proposal.published"),
    PROPOSAL_ANSWERED("proposal.answered"),
    MEETING_PUBLISHED("meeting.published"),
    MEETING_REGISTRATION_CREATED("meeting.registration.created"),
    MEETING_REGISTRATION_CANCELLED("meeting.registration.cancelled"),
    PANEL_DRAWN("panel.drawn"),
    PING("ping");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name receivers see, in the payload and the X-Agora-Event header. */
    public String wireName() {
        return wireName;
    }

    /** The key of its label in the message bundles. */
    public String labelKey() {
        return "opendata.webhooks.event." + wireName;
    }

    static List<WebhookEvent> subscribable() {
        return Arrays.stream(values()).filter(event -> event != PING).toList();
    }

    static Optional<WebhookEvent> fromWireName(String name) {
        return Arrays.stream(values()).filter(event -> event.wireName.equals(name)).findFirst();
    }
}
