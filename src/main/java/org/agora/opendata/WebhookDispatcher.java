package org.agora.opendata;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries. Runs on every node: each delivery is first claimed with a conditional UPDATE in its own
 * short transaction ({@link WebhookDeliveries#claim}), then posted with no transaction or lock held, then its outcome
 * recorded — the pattern of the mail outbox (docs/decisions/0030). A node that dies after claiming leaves the delivery
 * SENDING until its lease expires; it is then sent again, so delivery is at least once and receivers deduplicate on
 * the {@code X-Agora-Delivery} header.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** The most of a response body kept in the log. */
    static final int RESPONSE_EXCERPT = 2048;
    /** Retry delays are stretched by up to this fraction, at random, so that retries of many deliveries spread out. */
    static final double JITTER = 0.1;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookUrls urls;
    private final WebhookAlerts alerts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private final List<Duration> backoff;
    private final int batchSize;
    private final int pauseAfterFailures;
    private final Duration retention;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookUrls urls, WebhookAlerts alerts,
                      PlatformTransactionManager transactions, Clock clock,
                      @Value("${agora.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
                      @Value("${agora.webhooks.read-timeout:PT10S}") Duration readTimeout,
                      @Value("${agora.webhooks.backoff:PT1M,PT5M,PT30M,PT2H,PT12H}") String backoff,
                      @Value("${agora.webhooks.batch-size:20}") int batchSize,
                      @Value("${agora.webhooks.pause-after-failures:10}") int pauseAfterFailures,
                      @Value("${agora.webhooks.retention:P30D}") Duration retention) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.urls = urls;
        this.alerts = alerts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.backoff = Arrays.stream(backoff.split(",")).map(String::strip).filter(step -> !step.isEmpty())
                .map(Duration::parse).toList();
        this.batchSize = batchSize;
        this.pauseAfterFailures = pauseAfterFailures;
        this.retention = retention;
        // Never follow redirects: a 3xx is a failure, and cannot lead the server to an address the check refused.
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The delays between attempts: after the first failure, the first delay, and so on; then the delivery fails. */
    List<Duration> backoff() {
        return backoff;
    }

    @Scheduled(fixedDelayString = "${agora.webhooks.poll-delay:PT10S}", initialDelayString = "${agora.webhooks.poll-initial-delay:PT30S}")
    void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next run tries again.
            log.warn("Webhook dispatch run failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${agora.webhooks.purge-delay:PT1H}", initialDelayString = "${agora.webhooks.purge-initial-delay:PT5M}")
    void purgeOld() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Webhook log purge failed: {}", e.toString());
        }
    }

    /** Deletes the deliveries older than the retention (30 days); answers how many. */
    int purge() {
        int purged = transaction.execute(status -> deliveries.purge(clock.instant().minus(retention)));
        if (purged > 0) {
            log.info("{} webhook deliveries older than {} purged", purged, retention);
        }
        return purged;
    }

    /** Sends what is due, batch after batch, until nothing is due; answers how many attempts this node made. */
    int dispatchDue() {
        int attempted = 0;
        while (true) {
            Instant now = clock.instant();
            List<Long> due = transaction.execute(status -> deliveries.findDueIds(now, batchSize));
            int claimed = 0;
            for (Long id : due) {
                Instant claimedAt = clock.instant();
                Boolean mine = transaction.execute(status -> deliveries.claim(id, claimedAt, claimedAt.plus(lease())));
                if (Boolean.TRUE.equals(mine)) {
                    claimed++;
                    attempt(id);
                    attempted++;
                }
            }
            if (due.size() < batchSize || claimed == 0) {
                return attempted;
            }
        }
    }

    /** How long a claim holds: longer than any attempt can last. */
    private Duration lease() {
        return connectTimeout.plus(readTimeout).multipliedBy(2).plus(Duration.ofMinutes(1));
    }

    private void attempt(long id) {
        WebhookDeliveries.Delivery delivery = transaction.execute(status -> deliveries.find(id).orElseThrow());
        WebhookEndpoints.Endpoint endpoint = transaction.execute(status -> endpoints.find(delivery.endpointId()).orElse(null));
        if (endpoint == null) {
            return;
        }
        Instant at = clock.instant();
        Optional<String> refused = urls.problem(endpoint.url());
        WebhookDeliveries.Outcome outcome = refused.isPresent()
                ? new WebhookDeliveries.Outcome(null, 0, null, "Address refused (" + refused.get().substring(refused.get().lastIndexOf('.') + 1) + ")")
                : post(endpoint, delivery, at);
        int attempt = delivery.attempts() + 1;
        Instant next = outcome.delivered() || attempt > backoff.size() ? null : clock.instant().plus(withJitter(backoff.get(attempt - 1)));
        transaction.executeWithoutResult(status -> {
            deliveries.recordAttempt(id, attempt, at, outcome, next);
            if (outcome.delivered()) {
                endpoints.succeeded(endpoint.id());
            } else if (endpoints.failed(endpoint.id()) >= pauseAfterFailures
                    && endpoints.pauseAfterFailures(endpoint.id(), clock.instant())) {
                endpoints.log(endpoint.id(), endpoint.name(), null, "AUTO_PAUSED",
                        pauseAfterFailures + " failed attempts in a row", clock.instant());
                alerts.pausedAfterFailures(endpoint, pauseAfterFailures);
            }
        });
        if (outcome.delivered()) {
            log.debug("Webhook delivery {} to endpoint {} delivered ({})", id, endpoint.id(), outcome.httpStatus());
        } else {
            log.warn("Webhook delivery {} to endpoint {} failed (attempt {}): {}", id, endpoint.id(), attempt,
                    outcome.error() != null ? outcome.error() : "HTTP " + outcome.httpStatus());
        }
    }

    private static Duration withJitter(Duration delay) {
        return delay.plusMillis((long) (delay.toMillis() * JITTER * ThreadLocalRandom.current().nextDouble()));
    }

    private WebhookDeliveries.Outcome post(WebhookEndpoints.Endpoint endpoint, WebhookDeliveries.Delivery delivery, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url().strip()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Agora-Webhooks/1")
                .header("X-Agora-Event", delivery.event())
                .header("X-Agora-Delivery", Long.toString(delivery.id()))
                .header("X-Agora-Timestamp", timestamp)
                .header("X-Agora-Signature", WebhookSignature.sign(endpoint.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, info -> new Excerpt(RESPONSE_EXCERPT));
        try {
            // The request's timeout covers the wait for the response's headers; this bounds the whole exchange.
            HttpResponse<byte[]> response = sent.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
            return new WebhookDeliveries.Outcome(response.statusCode(), elapsed(started), text(response.body()), null);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new WebhookDeliveries.Outcome(null, elapsed(started), null, "Timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            return new WebhookDeliveries.Outcome(null, elapsed(started), null, "Interrupted");
        } catch (ExecutionException e) {
            return new WebhookDeliveries.Outcome(null, elapsed(started), null, describe(e.getCause()));
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    static String describe(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return "Connection timed out";
        }
        if (error instanceof HttpTimeoutException) {
            return "Timed out waiting for the response";
        }
        if (error instanceof ConnectException) {
            return "Connection refused";
        }
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        String description = error.getClass().getSimpleName() + message;
        return description.length() > 500 ? description.substring(0, 500) : description;
    }

    /** The first bytes of a body as text; invalid UTF-8 (a binary answer) is noted rather than kept. */
    static String text(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(body)).toString();
            return decoded.length() > RESPONSE_EXCERPT ? decoded.substring(0, RESPONSE_EXCERPT) : decoded;
        } catch (CharacterCodingException e) {
            return "(" + body.length + " bytes, not text)";
        }
    }

    /** Keeps the first {@code max} bytes of a body and stops reading there, however long the body is. */
    static final class Excerpt implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Excerpt(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = max - kept.size();
                if (room <= 0) {
                    break;
                }
                byte[] bytes = new byte[Math.min(room, item.remaining())];
                item.get(bytes);
                kept.write(bytes, 0, bytes.length);
            }
            if (kept.size() >= max) {
                subscription.cancel();
                result.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toByteArray());
        }
    }

}
