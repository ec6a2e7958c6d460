package org.agora.opendata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.MutableClock;
import org.agora.People;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.meetings.MeetingId;
import org.agora.meetings.MeetingRegistrationCancelled;
import org.agora.meetings.RegisteredForMeeting;
import org.agora.notifications.MailOutbox;
import org.agora.panels.PanelDrawn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to a real HTTP server in the test JVM ({@link WebhookReceiver}): the signature, retries with their
 * backoff on the test clock, timeouts, pauses, which endpoints an event reaches, and concurrent dispatchers.
 */
@AgoraTest
@Import(WebhookTestSetup.class)
@TestPropertySource(properties = {
        "agora.webhooks.allow-insecure-localhost=true",
        "agora.webhooks.read-timeout=PT1S",
        "agora.webhooks.pause-after-failures=3"})
class WebhookDeliveryTest {

    static WebhookReceiver receiver;

    @Autowired WebhookManagement management;
    @Autowired WebhookOutbox outbox;
    @Autowired WebhookDispatcher dispatcher;
    @Autowired WebhookDeliveries deliveries;
    @Autowired WebhookEndpoints endpoints;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MutableClock clock;
    @Autowired People people;
    @Autowired MailOutbox mails;
    @Autowired JdbcClient jdbc;

    AgoraUser staff;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void onlyThisTestsEndpoints() {
        // Tests move the clock forward; each starts again from now, as processes and meetings are made in real time.
        clock.reset();
        jdbc.sql("DELETE FROM webhook_endpoint").update();
        staff = people.staff(RoleScope.GLOBAL);
    }

    private WebhookManagement.Registered register(String name, String path, WebhookEvent... subscribed) {
        WebhookManagement.Checked checked = management.check(new WebhookForm(name, receiver.url(path),
                java.util.Arrays.stream(subscribed).map(WebhookEvent::wireName).toList()));
        assertThat(checked.problems()).isEmpty();
        return management.register(staff, checked);
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private List<WebhookDeliveries.Delivery> deliveriesOf(long endpointId) {
        return deliveries.ofEndpoint(endpointId, 100);
    }

    @Test
    void signsTheExactBodyWithTheEndpointSecretAndTheTimestamp() throws Exception {
        WebhookManagement.Registered endpoint = register("Tableau de bord signé", "/signature", WebhookEvent.PANEL_DRAWN);

        publish(new PanelDrawn(4242, "panel-signe", 17));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        List<WebhookReceiver.Received> received = receiver.receivedAt("/signature");
        assertThat(received).hasSize(1);
        WebhookReceiver.Received request = received.getFirst();
        String timestamp = request.header("X-Agora-Timestamp");
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        assertThat(request.header("X-Agora-Event")).isEqualTo("panel.drawn");
        long deliveryId = deliveriesOf(endpoint.id()).getFirst().id();
        assertThat(request.header("X-Agora-Delivery")).isEqualTo(Long.toString(deliveryId));
        assertThat(request.header("Content-Type")).startsWith("application/json");

        // What a receiver does: HMAC-SHA256 of "timestamp.body" with the secret, compared with the header.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(endpoint.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + request.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(request.header("X-Agora-Signature")).isEqualTo(expected);
        // One byte changed in the body, or another secret, and the signature no longer matches.
        assertThat(WebhookSignature.sign(endpoint.secret(), timestamp, request.body() + " ")).isNotEqualTo(expected);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), timestamp, request.body())).isNotEqualTo(expected);

        JsonNode body = WebhookOutbox.JSON.readTree(request.body());
        assertThat(body.get("event").asString()).isEqualTo("panel.drawn");
        assertThat(body.get("id").asString()).matches("[0-9a-f-]{36}");
        assertThat(Instant.parse(body.get("occurredAt").asString())).isNotNull();
        assertThat(body.get("data").get("panelId").asLong()).isEqualTo(4242);
        assertThat(body.get("data").get("links").get("page").asString()).endsWith("/panels/panel-signe");
        assertThat(body.get("data").get("links").get("api").asString()).contains("/api/v1/panels/panel-signe");

        WebhookDeliveries.Delivery delivered = deliveries.find(deliveryId).orElseThrow();
        assertThat(delivered.status()).isEqualTo(WebhookDeliveries.Status.DELIVERED);
        assertThat(delivered.lastStatus()).isEqualTo(200);
        assertThat(delivered.lastResponse()).isEqualTo("ok");
    }

    @Test
    void retriesAFailedDeliveryAfterTheFirstBackoffAndLogsBothAttempts() {
        receiver.answer("/retry", nth -> nth == 1 ? new WebhookReceiver.Answer(500, "erreur interne du partenaire", 0)
                : WebhookReceiver.Answer.ok());
        WebhookManagement.Registered endpoint = register("Partenaire qui se relève", "/retry", WebhookEvent.PANEL_DRAWN);
        publish(new PanelDrawn(4243, "panel-relance", 3));

        Instant first = clock.instant();
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        WebhookDeliveries.Delivery failed = deliveriesOf(endpoint.id()).getFirst();
        assertThat(failed.status()).isEqualTo(WebhookDeliveries.Status.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatus()).isEqualTo(500);
        assertThat(failed.lastResponse()).isEqualTo("erreur interne du partenaire");
        // One minute, stretched by at most 10 % of jitter.
        assertThat(failed.nextAttemptAt()).isBetween(first.plus(Duration.ofMinutes(1)), first.plus(Duration.ofSeconds(66)));

        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(receiver.receivedAt("/retry")).hasSize(1);

        clock.advance(Duration.ofSeconds(40));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        WebhookDeliveries.Delivery delivered = deliveries.find(failed.id()).orElseThrow();
        assertThat(delivered.status()).isEqualTo(WebhookDeliveries.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);

        List<WebhookDeliveries.Attempt> attempts = deliveries.attempts(failed.id());
        assertThat(attempts).extracting(WebhookDeliveries.Attempt::httpStatus).containsExactly(500, 200);
        assertThat(Duration.between(attempts.get(0).attemptedAt(), attempts.get(1).attemptedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(receiver.receivedAt("/retry")).extracting(r -> r.header("X-Agora-Delivery"))
                .containsOnly(Long.toString(failed.id()));
    }

    @Test
    void givesUpOnceEveryDelayOfTheBackoffIsSpent() {
        receiver.answer("/down", nth -> new WebhookReceiver.Answer(503, "", 0));
        WebhookManagement.Registered endpoint = register("Partenaire en panne", "/down", WebhookEvent.PANEL_DRAWN);
        // Far from the automatic pause (after 3 failures here), so that the whole schedule runs.
        jdbc.sql("UPDATE webhook_endpoint SET failures_in_a_row = -100 WHERE id = :id").param("id", endpoint.id()).update();
        publish(new PanelDrawn(4244, "panel-panne", 1));

        for (Duration delay : dispatcher.backoff()) {
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            clock.advance(delay.multipliedBy(2));
        }
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        WebhookDeliveries.Delivery given = deliveriesOf(endpoint.id()).getFirst();
        assertThat(given.status()).isEqualTo(WebhookDeliveries.Status.FAILED);
        assertThat(given.attempts()).isEqualTo(dispatcher.backoff().size() + 1);
        assertThat(given.nextAttemptAt()).isNull();
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void logsATimeoutWhenTheReceiverAnswersTooLate() {
        receiver.answer("/slow", nth -> new WebhookReceiver.Answer(200, "trop tard", 3000));
        WebhookManagement.Registered endpoint = register("Partenaire lent", "/slow", WebhookEvent.PANEL_DRAWN);
        publish(new PanelDrawn(4245, "panel-lent", 2));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        WebhookDeliveries.Delivery late = deliveriesOf(endpoint.id()).getFirst();
        assertThat(late.status()).isEqualTo(WebhookDeliveries.Status.PENDING);
        assertThat(late.lastStatus()).isNull();
        assertThat(late.lastError()).containsIgnoringCase("timed out");
        assertThat(late.lastDurationMs()).isBetween(900L, 2900L);
        assertThat(deliveries.attempts(late.id())).singleElement()
                .satisfies(attempt -> assertThat(attempt.error()).containsIgnoringCase("timed out"));
    }

    @Test
    void aPausedEndpointReceivesNothingUntilItIsResumed() {
        WebhookManagement.Registered endpoint = register("Partenaire en congé", "/paused", WebhookEvent.PANEL_DRAWN);
        management.pause(staff, endpoint.id());
        publish(new PanelDrawn(4246, "panel-pause", 5));

        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(receiver.receivedAt("/paused")).isEmpty();
        assertThat(deliveriesOf(endpoint.id())).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(WebhookDeliveries.Status.PENDING));

        management.resume(staff, endpoint.id());
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(receiver.receivedAt("/paused")).hasSize(1);
        assertThat(endpoints.actions(endpoint.id(), 10)).extracting(WebhookEndpoints.Action::action)
                .containsExactly("RESUMED", "PAUSED", "CREATED");
    }

    @Test
    void eachEventReachesOnlyTheEndpointsSubscribedToIt() {
        var panels = register("Abonné aux tirages", "/panels", WebhookEvent.PANEL_DRAWN);
        var registrations = register("Abonné aux inscriptions", "/registrations",
                WebhookEvent.MEETING_REGISTRATION_CREATED, WebhookEvent.MEETING_REGISTRATION_CANCELLED);
        var everything = register("Abonné à tout", "/everything", WebhookEvent.subscribable().toArray(WebhookEvent[]::new));

        publish(new PanelDrawn(4247, "panel-abonnes", 9));
        publish(new RegisteredForMeeting(new MeetingId(777), 888, false, false));
        publish(new MeetingRegistrationCancelled(new MeetingId(777), 888, false));
        // A meeting by invitation is not public: nothing goes out about it.
        publish(new RegisteredForMeeting(new MeetingId(778), 889, true, true));

        assertThat(deliveriesOf(panels.id())).extracting(WebhookDeliveries.Delivery::event).containsExactly("panel.drawn");
        assertThat(deliveriesOf(registrations.id())).extracting(WebhookDeliveries.Delivery::event)
                .containsExactlyInAnyOrder("meeting.registration.created", "meeting.registration.cancelled");
        assertThat(deliveriesOf(everything.id())).extracting(WebhookDeliveries.Delivery::event)
                .containsExactlyInAnyOrder("panel.drawn", "meeting.registration.created", "meeting.registration.cancelled");
        WebhookDeliveries.Delivery registration = deliveriesOf(registrations.id()).stream()
                .filter(delivery -> delivery.event().equals("meeting.registration.created")).findFirst().orElseThrow();
        JsonNode data = WebhookOutbox.JSON.readTree(registration.payload()).get("data");
        assertThat(data.get("meetingId").asLong()).isEqualTo(777);
        assertThat(data.get("registrationId").asLong()).isEqualTo(888);
        assertThat(data.get("waitingList").asBoolean()).isFalse();
        assertThat(registration.payload()).doesNotContain("@");
        // The same event carries the same id to every endpoint.
        assertThat(deliveriesOf(everything.id()).stream().filter(d -> d.event().equals("meeting.registration.created"))
                .findFirst().orElseThrow().eventId()).isEqualTo(registration.eventId());
    }

    @Test
    void pausesAnEndpointThatKeepsFailingAndMailsTheStaff() {
        AgoraUser administrator = people.administrator();
        receiver.answer("/broken", nth -> new WebhookReceiver.Answer(500, "", 0));
        WebhookManagement.Registered endpoint = register("Partenaire cassé", "/broken", WebhookEvent.PANEL_DRAWN);
        for (int i = 0; i < 3; i++) {
            publish(new PanelDrawn(4250 + i, "panel-casse-" + i, i));
        }

        assertThat(dispatcher.dispatchDue()).isEqualTo(3);

        WebhookEndpoints.Endpoint paused = endpoints.find(endpoint.id()).orElseThrow();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pausedAutomatically()).isTrue();
        assertThat(endpoints.actions(endpoint.id(), 10)).extracting(WebhookEndpoints.Action::action)
                .containsExactly("AUTO_PAUSED", "CREATED");
        assertThat(mails.latestTo(administrator.email())).hasValueSatisfying(mail -> {
            assertThat(mail.subject()).isEqualTo("Webhook « Partenaire cassé » mis en pause");
            assertThat(mail.text()).contains("/admin/webhooks/" + endpoint.id());
        });
        assertThat(mails.latestTo(staff.email())).hasValueSatisfying(mail ->
                assertThat(mail.subject()).contains("Partenaire cassé"));

        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void redeliversTheSameEventAndPurgesDeliveriesOlderThanThirtyDays() {
        WebhookManagement.Registered endpoint = register("Partenaire à relancer", "/again", WebhookEvent.PANEL_DRAWN);
        publish(new PanelDrawn(4260, "panel-relivraison", 4));
        dispatcher.dispatchDue();
        WebhookDeliveries.Delivery original = deliveriesOf(endpoint.id()).getFirst();

        long copy = management.redeliver(staff, endpoint.id(), original.id());
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        List<WebhookReceiver.Received> received = receiver.receivedAt("/again");
        assertThat(received).hasSize(2);
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        assertThat(received.get(1).header("X-Agora-Delivery")).isEqualTo(Long.toString(copy));

        clock.advance(Duration.ofDays(31));
        assertThat(dispatcher.purge()).isGreaterThanOrEqualTo(2);
        assertThat(deliveriesOf(endpoint.id())).isEmpty();
        assertThat(deliveries.attempts(original.id())).isEmpty();
    }

    @Test
    void aPingReachesTheEndpointWhateverItSubscribesTo() {
        WebhookManagement.Registered endpoint = register("Partenaire à tester", "/ping", WebhookEvent.PROPOSAL_ANSWERED);

        management.ping(staff, endpoint.id());
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(receiver.receivedAt("/ping")).singleElement()
                .satisfies(request -> assertThat(request.header("X-Agora-Event")).isEqualTo("ping"));
    }

    @Test
    void concurrentDispatchersNeverDeliverTheSameDeliveryTwice() throws Exception {
        WebhookManagement.Registered endpoint = register("Partenaire très demandé", "/crowd", WebhookEvent.PANEL_DRAWN);
        int count = 40;
        for (int i = 0; i < count; i++) {
            publish(new PanelDrawn(5000 + i, "panel-foule-" + i, i));
        }

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Integer> run = () -> {
                start.await();
                return dispatcher.dispatchDue();
            };
            runs.add(pool.submit(run));
        }
        start.countDown();
        int attempted = 0;
        for (Future<Integer> run : runs) {
            attempted += run.get();
        }
        pool.shutdown();

        List<WebhookReceiver.Received> received = receiver.receivedAt("/crowd");
        Set<String> distinct = new HashSet<>(received.stream().map(r -> r.header("X-Agora-Delivery")).toList());
        assertThat(received).hasSize(count);
        assertThat(distinct).hasSize(count);
        assertThat(attempted).isEqualTo(count);
        assertThat(deliveriesOf(endpoint.id())).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(WebhookDeliveries.Status.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(1);
        });
        assertThat(Map.of("attempts", jdbc.sql("SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d "
                + "ON d.id = a.delivery_id WHERE d.endpoint_id = :id").param("id", endpoint.id()).query(Long.class).single()))
                .containsEntry("attempts", (long) count);
    }

    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void aPublishedProposalAndAPublishedMeetingAreSentWithTheirPublicFieldsAndLinks() {
        new org.agora.territories.TerritoryFixtures(context).load("""
                kind;code;name;parent_code;postal_codes
                REGION;WHK1;Région des webhooks;;
                DEPARTEMENT;WHK11;Département des webhooks;WHK1;
                """);
        long department = context.getBean(org.agora.territories.TerritoryDirectory.class)
                .findByCode(org.agora.territories.TerritoryKind.DEPARTEMENT, "WHK11").orElseThrow().id();
        var proposalsEndpoint = register("Abonné aux propositions", "/proposals", WebhookEvent.PROPOSAL_PUBLISHED);
        var meetingsEndpoint = register("Abonné aux rencontres", "/meetings", WebhookEvent.MEETING_PUBLISHED);
        org.agora.processes.ProcessSettings process = new org.agora.processes.ParticipationProcesses(context, staff)
                .open("Démarche des webhooks " + System.nanoTime(), department, List.of(), null, null);

        org.agora.proposals.PublicProposal proposal = new org.agora.proposals.ProposalFixtures(context)
                .publish(process, people.participant(), "Des bancs à l’ombre des webhooks", department);
        long meeting = new org.agora.meetings.MeetingFixtures(context, staff)
                .published("Rencontre des webhooks", process.id().value(), department, Duration.ofDays(3));

        JsonNode published = WebhookOutbox.JSON.readTree(deliveriesOf(proposalsEndpoint.id()).getFirst().payload());
        assertThat(published.get("event").asString()).isEqualTo("proposal.published");
        JsonNode data = published.get("data");
        assertThat(data.get("proposalId").asLong()).isEqualTo(proposal.id().value());
        assertThat(data.get("reference").asString()).isEqualTo(proposal.reference());
        assertThat(data.get("title").asString()).isEqualTo("Des bancs à l’ombre des webhooks");
        assertThat(data.get("processSlug").asString()).isEqualTo(process.slug());
        assertThat(data.get("links").get("page").asString()).endsWith(proposal.path());
        assertThat(data.get("links").get("api").asString()).endsWith("/api/v1/proposals/" + proposal.id().value());
        assertThat(deliveriesOf(proposalsEndpoint.id())).hasSize(1);

        List<WebhookDeliveries.Delivery> meetingDeliveries = deliveriesOf(meetingsEndpoint.id());
        assertThat(meetingDeliveries).extracting(WebhookDeliveries.Delivery::event).containsExactly("meeting.published");
        JsonNode meetingData = WebhookOutbox.JSON.readTree(meetingDeliveries.getFirst().payload()).get("data");
        assertThat(meetingData.get("meetingId").asLong()).isEqualTo(meeting);
        assertThat(meetingData.get("title").asString()).isEqualTo("Rencontre des webhooks");
        assertThat(meetingData.get("links").get("page").asString()).endsWith("/meetings/" + meeting);
    }
}
