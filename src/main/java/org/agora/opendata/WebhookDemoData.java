package org.agora.opendata;

import java.time.Clock;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start with demo data: one endpoint subscribed to every event, paused so that the demo never calls the
 * outside world. What visitors do in the demo (publishing a proposal, registering to a meeting, drawing the panel)
 * piles up in its delivery log as pending deliveries, each with its payload.
 */
@Component
@Order(200)
@ConditionalOnBooleanProperty("agora.demo-data")
class WebhookDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WebhookDemoData.class);

    static final String NAME = "Tableau de bord de la Région (démonstration)";

    private final WebhookEndpoints endpoints;
    private final Clock clock;

    WebhookDemoData(WebhookEndpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!endpoints.all().isEmpty()) {
            return;
        }
        EnumSet<WebhookEvent> events = EnumSet.copyOf(WebhookEvent.subscribable());
        long id = endpoints.insert(NAME, "https://partenaire.example.org/agora/webhooks", events,
                WebhookSignature.newSecret(), null, clock.instant());
        endpoints.pause(id, true, false, clock.instant());
        endpoints.log(id, NAME, null, "CREATED", "démonstration", clock.instant());
        endpoints.log(id, NAME, null, "PAUSED", "démonstration : rien n’est envoyé", clock.instant());
        log.info("Demo webhook endpoint \"{}\" registered, paused", NAME);
    }
}
