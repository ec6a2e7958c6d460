package org.agora.newsletter;

import org.agora.notifications.MailDeliveryReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the outbox's reports on edition mails, in the transaction that records them: a delivery becomes SENT or
 * FAILED; a hard refusal (5xx) counts against the subscriber, who is unsubscribed after
 * {@code agora.newsletter.refusals-before-unsubscribe} refusals in a row (a successful delivery starts the count again).
 */
@Component
class DeliveryReports {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

    private final Deliveries deliveries;
    private final Subscribers subscribers;
    private final Subscriptions subscriptions;
    private final int threshold;

    DeliveryReports(Deliveries deliveries, Subscribers subscribers, Subscriptions subscriptions,
                    @Value("${agora.newsletter.refusals-before-unsubscribe:3}") int threshold) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.threshold = Math.max(1, threshold);
    }

    @EventListener
    void on(MailDeliveryReported report) {
        if (!EditionSending.TOPIC.equals(report.topic()) || report.reference() == null
                || !report.reference().matches(EditionSending.REFERENCE_PREFIX + "[0-9]{1,18}")) {
            return;
        }
        long id = Long.parseLong(report.reference().substring(EditionSending.REFERENCE_PREFIX.length()));
        var delivery = deliveries.find(id).orElse(null);
        if (delivery == null) {
            return;
        }
        var subscriber = subscribers.findById(delivery.subscriberId()).orElse(null);
        switch (report.outcome()) {
            case SENT -> {
                deliveries.finish(id, Deliveries.Status.SENT, null, subscriptions.now());
                if (subscriber != null) {
                    subscriber.delivered();
                }
            }
            case REFUSED -> {
                deliveries.finish(id, Deliveries.Status.FAILED, report.error(), subscriptions.now());
                if (subscriber != null && subscriber.refused(report.error(), threshold, subscriptions.now())) {
                    subscriptions.logUnsubscribed(subscriber, Subscriber.Reason.REFUSALS);
                    log.info("Newsletter subscriber {} unsubscribed after {} refusals", subscriber.id(), subscriber.refusals());
                }
            }
            case ABANDONED -> deliveries.finish(id, Deliveries.Status.FAILED, report.error(), subscriptions.now());
            case RETRYING -> {
            }
        }
    }
}
