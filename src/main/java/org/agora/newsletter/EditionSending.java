package org.agora.newsletter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.agora.shared.MailRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends editions: {@link #start} plans one delivery row per matching confirmed subscriber; every minute (by default)
 * {@link #sendBatch} hands at most {@code agora.newsletter.mails-per-minute} of them to the outbox, which sends and
 * retries them. Each row is claimed and its mail queued in one transaction, so a node that stops in the middle
 * leaves every row either PENDING (taken up by the next run, on any node) or QUEUED with its mail in the outbox:
 * nobody gets an edition twice.
 */
@Component
class EditionSending {

    static final String TOPIC = "newsletter-edition";
    static final String REFERENCE_PREFIX = "newsletter-delivery-";

    private static final Logger log = LoggerFactory.getLogger(EditionSending.class);

    private final Editions editions;
    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final EditionRenderer renderer;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final int mailsPerMinute;

    EditionSending(Editions editions, Subscribers subscribers, Deliveries deliveries, Subscriptions subscriptions,
                   EditionRenderer renderer, ApplicationEventPublisher events, MessageSource messages,
                   PlatformTransactionManager transactions,
                   @Value("${agora.newsletter.mails-per-minute:200}") int mailsPerMinute) {
        this.editions = editions;
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.renderer = renderer;
        this.events = events;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.mailsPerMinute = mailsPerMinute;
    }

    /** Starts sending a draft to its audience; false when it was already started (a second click). */
    boolean start(long editionId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Edition edition = editions.findById(editionId).orElseThrow();
            if (!edition.startSending(subscriptions.now())) {
                return false;
            }
            Preferences audience = edition.audience();
            List<Long> recipients = subscribers.findConfirmed().stream()
                    .filter(subscriber -> subscriber.preferences().receives(audience)).map(Subscriber::id).toList();
            deliveries.plan(editionId, recipients);
            log.info("Edition {} \"{}\" planned for {} subscriber(s)", editionId, edition.getSubject(), recipients.size());
            return true;
        }));
    }

    @Scheduled(fixedDelayString = "${agora.newsletter.send-interval:PT1M}",
            initialDelayString = "${agora.newsletter.send-initial-delay:PT20S}")
    void tick() {
        try {
            sendBatch(mailsPerMinute);
        } catch (RuntimeException e) {
            log.warn("Newsletter send run failed: {}", e.toString());
        }
    }

    /** Hands at most {@code limit} deliveries to the outbox, oldest edition first; returns how many it queued. */
    int sendBatch(int limit) {
        int queued = 0;
        for (Long editionId : transaction.execute(status -> editions.findSendingIds())) {
            if (queued >= limit) {
                break;
            }
            Edition edition = transaction.execute(status -> {
                Edition found = editions.findById(editionId).orElseThrow();
                found.getBlocks();
                return found;
            });
            for (Long delivery : deliveries.pendingIds(editionId, limit - queued)) {
                if (Boolean.TRUE.equals(transaction.execute(status -> handOver(edition, delivery)))) {
                    queued++;
                }
            }
            transaction.executeWithoutResult(status -> {
                if (!deliveries.anyPending(editionId)) {
                    editions.findById(editionId).orElseThrow().allHandedOver(subscriptions.now());
                }
            });
        }
        return queued;
    }

    private boolean handOver(Edition edition, long deliveryId) {
        if (!deliveries.claim(deliveryId, subscriptions.now())) {
            return false;
        }
        Deliveries.Delivery delivery = deliveries.find(deliveryId).orElseThrow();
        Optional<Subscriber> subscriber = subscribers.findById(delivery.subscriberId()).filter(Subscriber::confirmed);
        if (subscriber.isEmpty()) {
            deliveries.finish(deliveryId, Deliveries.Status.CANCELLED, null, subscriptions.now());
            return false;
        }
        EditionRenderer.Rendered mail = renderer.mail(edition, subscriber.get().token());
        events.publishEvent(new MailRequested(subscriber.get().accountId(), subscriber.get().email(), edition.getLanguage(),
                TOPIC, mail.subject(), mail.text(), mail.html(), null,
                subscriptions.absolute(Subscriptions.UNSUBSCRIBE_PATH + subscriber.get().token()),
                REFERENCE_PREFIX + deliveryId));
        return true;
    }

    /** The edition as its subscribers will get it, to the staff member's own address (no unsubscribe header). */
    void sendTest(Edition edition, String recipient, Long accountId) {
        EditionRenderer.Rendered mail = renderer.mail(edition, null);
        String prefix = messages.getMessage("newsletter.mail.testPrefix", null, Locale.of(edition.getLanguage()));
        events.publishEvent(new MailRequested(accountId, recipient, edition.getLanguage(), "newsletter-test",
                prefix + " " + mail.subject(), mail.text(), mail.html(), null, null));
    }
}
