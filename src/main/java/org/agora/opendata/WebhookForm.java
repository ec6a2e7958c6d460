package org.agora.opendata;

import java.util.List;

/** The endpoint form as posted: a name, the URL, the events ticked. */
record WebhookForm(String name, String url, List<String> events) {

    WebhookForm {
        name = name == null ? "" : name.strip();
        url = url == null ? "" : url.strip();
        events = events == null ? List.of() : List.copyOf(events);
    }

    static WebhookForm empty() {
        return new WebhookForm("", "", List.of());
    }

    static WebhookForm of(WebhookEndpoints.Endpoint endpoint) {
        return new WebhookForm(endpoint.name(), endpoint.url(),
                endpoint.events().stream().map(WebhookEvent::wireName).toList());
    }

    public boolean has(String event) {
        return events.contains(event);
    }
}
