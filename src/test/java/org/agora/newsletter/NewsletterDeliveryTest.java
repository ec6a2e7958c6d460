package org.agora.newsletter;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.agora.AgoraTest;
import org.agora.notifications.MailOutbox;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editions delivered to a real SMTP server in the test JVM (GreenMail), the outbox polling as in production. Every
 * subscriber here chose a theme and every edition is for one theme, so that each test reaches only its own people.
 * Addresses at refus.example are refused by the server (550 at RCPT TO).
 */
@AgoraTest
@Import(NewsletterDeliveryTest.RefusingServer.class)
class NewsletterDeliveryTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("agora.mail.poll-initial-delay", () -> "PT0S");
        registry.add("agora.mail.poll-delay", () -> "PT0.2S");
        registry.add("agora.mail.batch-size", () -> "200");
        registry.add("agora.mail.unsubscribe-mailto", () -> "desabonnement@agora.example.fr");
        // The tests hand editions to the outbox themselves.
        registry.add("agora.newsletter.send-initial-delay", () -> "P1D");
        registry.add("agora.newsletter.refusals-before-unsubscribe", () -> "3");
    }

    /** GreenMail accepts everyone: this sender refuses refus.example the way a real server does, at RCPT TO. */
    @TestConfiguration
    static class RefusingServer {
        @Bean
        @Primary
        JavaMailSender refusingSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl() {
                @Override
                protected void doSend(MimeMessage[] messages, Object[] originals) {
                    for (MimeMessage message : messages) {
                        try {
                            Address[] to = message.getAllRecipients();
                            if (to != null && to[0].toString().endsWith("@refus.example")) {
                                throw new MailSendException(Map.of(message, new SMTPAddressFailedException(
                                        (InternetAddress) to[0], "RCPT TO", 550, "5.1.1 <" + to[0] + ">: user unknown")));
                            }
                        } catch (MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    super.doSend(messages, originals);
                }
            };
            sender.setHost("127.0.0.1");
            sender.setPort(SMTP_PORT);
            return sender;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Subscribers subscribers;

    @Autowired
    Editions editions;

    @Autowired
    EditionSending sending;

    @Autowired
    Deliveries deliveries;

    @Autowired
    EditionRenderer renderer;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MessageSource messages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    private long edition(String subject, NewsletterTheme theme) {
        Edition edition = Edition.draft(1L, "fr", subscriptions.now());
        edition.write(subject, "Le **mot** de la rédaction.\n\nSecond paragraphe.", "fr",
                new Preferences(Set.of(theme), Set.of()),
                List.of(new EditionBlock(BlockKind.MEETING, "Atelier mobilités", "À Orléans", "/meetings/1")),
                subscriptions.now());
        return editions.save(edition).getId();
    }

    private Subscriber confirmedSubscriber(String email, NewsletterTheme theme) {
        Subscriber subscriber = Subscriber.subscribe(email, "fr", new Preferences(Set.of(theme), Set.of()), null,
                Subscriber.Source.IMPORT, Subscriptions.CONSENT_VERSION, subscriptions.now());
        subscriber.confirm(subscriptions.now());
        return subscriber;
    }

    private List<MimeMessage> receivedBy(String suffix) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().endsWith(suffix)) {
                found.add(message);
            }
        }
        return found;
    }

    @Test
    void theOneClickHeaderOfAReceivedEditionUnsubscribesByAPostWithoutSession() throws Exception {
        mvc.perform(post("/newsletter").with(csrf()).param("email", "un.clic@lecteurs.example").param("themes", "CULTURE")
                .param("consent", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get(URI.create(outbox.latestTo("un.clic@lecteurs.example").orElseThrow().link()).getRawPath()))
                .andExpect(status().isOk());
        long id = edition("La lettre culture de décembre", NewsletterTheme.CULTURE);
        sending.start(id);
        assertThat(sending.sendBatch(100)).isPositive();

        await().atMost(Duration.ofSeconds(60)).until(() -> receivedBy("un.clic@lecteurs.example").stream()
                .anyMatch(message -> subject(message).equals("La lettre culture de décembre")));
        MimeMessage received = receivedBy("un.clic@lecteurs.example").stream()
                .filter(message -> subject(message).equals("La lettre culture de décembre")).findFirst().orElseThrow();

        String header = received.getHeader("List-Unsubscribe")[0];
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(header).contains("<mailto:desabonnement@agora.example.fr?subject=unsubscribe>");
        String url = header.substring(header.indexOf('<') + 1, header.indexOf('>'));
        assertThat(url).contains("/newsletter/unsubscribe/");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains(url, "Le **mot** de la rédaction.", "Atelier mobilités");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<strong>mot</strong>", "href=\"" + url + "\"");

        mvc.perform(post(URI.create(url).getRawPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());

        assertThat(subscriptions.byEmail("un.clic@lecteurs.example").orElseThrow().status())
                .isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.progress(id).sent() == 1);
        assertThat(editions.findById(id).orElseThrow().getStatus()).isEqualTo(Edition.Status.SENT);
    }

    @Test
    void sendsAnEditionToAThousandSubscribersEachOnceAcrossARestartAndConcurrentNodes() throws Exception {
        List<Subscriber> thousand = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            thousand.add(confirmedSubscriber("lecteur-%04d@mille.example".formatted(i), NewsletterTheme.ECONOMY));
        }
        subscribers.saveAll(thousand);
        long id = edition("Mille lecteurs", NewsletterTheme.ECONOMY);
        assertThat(sending.start(id)).isTrue();
        assertThat(sending.start(id)).isFalse();
        assertThat(deliveries.progress(id).pending()).isEqualTo(1000);

        // The first node stops after 350 mails: its batch ended, the process is gone.
        assertThat(sending.sendBatch(350)).isEqualTo(350);
        assertThat(deliveries.progress(id).pending()).isEqualTo(650);

        // After the restart, two fresh senders over the same database run at once (two nodes).
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            EditionSending restarted = new EditionSending(editions, subscribers, deliveries, subscriptions, renderer,
                    events, messages, transactions, 200);
            runs.add(pool.submit(() -> restarted.sendBatch(10_000)));
        }
        int queuedAfterRestart = 0;
        for (Future<Integer> run : runs) {
            queuedAfterRestart += run.get();
        }
        pool.shutdown();
        assertThat(queuedAfterRestart).isEqualTo(650);
        assertThat(editions.findById(id).orElseThrow().getStatus()).isEqualTo(Edition.Status.SENT);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deliveries.progress(id).sent() == 1000);
        Map<String, Long> perRecipient = receivedBy("@mille.example").stream()
                .collect(Collectors.groupingBy(NewsletterDeliveryTest::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize(1000);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
        assertThat(deliveries.progress(id)).isEqualTo(new Deliveries.Progress(0, 0, 1000, 0, 0));
        assertThat(jdbc.sql("select count(*) from mail_outbox where topic = 'newsletter-edition' and recipient like '%@mille.example'")
                .query(Long.class).single()).isEqualTo(1000);
    }

    @Test
    void anAddressRefusedThreeTimesIsUnsubscribedWithTheReason() throws Exception {
        Subscriber refused = subscribers.save(confirmedSubscriber("absent@refus.example", NewsletterTheme.HEALTH));
        subscribers.save(confirmedSubscriber("present@sante.example", NewsletterTheme.HEALTH));

        for (int time = 1; time <= 3; time++) {
            long id = edition("Lettre santé n° " + time, NewsletterTheme.HEALTH);
            sending.start(id);
            sending.sendBatch(100);
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.progress(id).failed() == 1
                    && deliveries.progress(id).sent() == 1);
            Subscriber now = subscribers.findById(refused.id()).orElseThrow();
            assertThat(now.refusals()).isEqualTo(time);
            assertThat(now.lastRefusal()).contains("550");
            assertThat(now.status()).isEqualTo(time < 3 ? Subscriber.Status.CONFIRMED : Subscriber.Status.UNSUBSCRIBED);
        }
        Subscriber gone = subscribers.findById(refused.id()).orElseThrow();
        assertThat(gone.unsubscribeReason()).isEqualTo(Subscriber.Reason.REFUSALS);
        // A refusal is final: the outbox did not retry it.
        assertThat(outbox.to("absent@refus.example")).allMatch(mail -> mail.status().equals("FAILED") && mail.attempts() == 1);

        long fourth = edition("Lettre santé n° 4", NewsletterTheme.HEALTH);
        sending.start(fourth);
        assertThat(jdbc.sql("select count(*) from newsletter_delivery where edition_id = ? and subscriber_id = ?")
                .params(fourth, refused.id()).query(Long.class).single()).isZero();
        assertThat(subscribers.findByEmail("present@sante.example").orElseThrow().status()).isEqualTo(Subscriber.Status.CONFIRMED);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
