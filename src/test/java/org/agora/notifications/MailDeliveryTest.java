package org.agora.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.agora.DatabaseTest;
import org.agora.MutableClock;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Delivery to a real SMTP server running in the test JVM. */
@DatabaseTest
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "agora.demo-data=false")
@Import(MailDeliveryTest.Clocks.class)
class MailDeliveryTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("agora.mail.from", () -> "Agora Centre-Val de Loire <ne-pas-repondre@agora.example.fr>");
        // The test drives delivery itself.
        registry.add("agora.mail.poll-initial-delay", () -> "P1D");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Mails mails;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void emptyOutbox() {
        mails.deleteAll();
    }

    @Test
    void deliversTextAndHtmlPartsFromThePlatformAddressAndMarksTheMailSent() throws Exception {
        events.publishEvent(new AccountMail.ConfirmationRequested(new AccountId(1), "camille@example.fr", "Camille",
                "fr", "https://agora.example.fr/signup/confirm?token=abc123"));

        assertThat(delivery.sendDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Confirmez votre adresse électronique");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Agora Centre-Val de Loire <ne-pas-repondre@agora.example.fr>");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("camille@example.fr");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Bonjour Camille,",
                "https://agora.example.fr/signup/confirm?token=abc123");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"fr\">",
                "href=\"https://agora.example.fr/signup/confirm?token=abc123\"");

        OutboxMail sent = outbox.latestTo("camille@example.fr").orElseThrow();
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
    }

    @Autowired
    Outbox writer;

    @Test
    void notificationMailsCarryTheHeadersOfOneClickUnsubscribe() throws Exception {
        String unsubscribe = "https://agora.example.fr/notifications/unsubscribe?token=t0k3n";
        writer.queue(new AccountId(5), "abonne@example.fr", "fr", MailKind.NOTICE,
                new RenderedMail("Nouveau commentaire", "Bonjour,\n" + unsubscribe + "\n", null), unsubscribe, null);
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(6), "securite@example.fr", "Sécu", "fr"));

        assertThat(delivery.sendDue()).isEqualTo(2);

        MimeMessage notice = received("abonne@example.fr");
        assertThat(notice.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(notice.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received("securite@example.fr").getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void deliversFilesAsMixedHoldingRelatedWithTheInlineImageThenTheInvitation() throws Exception {
        String unsubscribe = "https://agora.example.fr/notifications/unsubscribe?token=r3union";
        events.publishEvent(new org.agora.shared.MailRequested(9L, "lea@example.fr", "fr", "meeting-registration",
                "Votre inscription", "Bonjour,\n", "<p><img src=\"cid:qr-code\" alt=\"QR\"></p>",
                FeatureMailsTest.qrAndInvitation(), unsubscribe));

        assertThat(delivery.sendDue()).isEqualTo(1);

        MimeMessage message = received("lea@example.fr");
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);

        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
        MimeMultipart related = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(related.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) related.getBodyPart(0).getContent();
        assertThat(related.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("cid:qr-code");
        jakarta.mail.internet.MimeBodyPart image = (jakarta.mail.internet.MimeBodyPart) related.getBodyPart(1);
        assertThat(image.getContentType()).startsWith("image/png");
        assertThat(image.getContentID()).isEqualTo("<qr-code>");
        assertThat(image.getDisposition()).isEqualTo("inline");
        assertThat(image.getInputStream().readAllBytes()).isEqualTo(FeatureMailsTest.PNG);

        jakarta.mail.internet.MimeBodyPart invitation = (jakarta.mail.internet.MimeBodyPart) mixed.getBodyPart(1);
        assertThat(invitation.getContentType()).startsWith("text/calendar")
                .contains("method=REQUEST").containsIgnoringCase("charset=utf-8");
        assertThat(invitation.getDisposition()).isEqualTo("attachment");
        assertThat(invitation.getFileName()).isEqualTo("atelier.ics");
        assertThat(new String(invitation.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(FeatureMailsTest.CALENDAR);
    }

    private MimeMessage received(String recipient) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(recipient)) {
                return message;
            }
        }
        throw new AssertionError("No mail to " + recipient);
    }

    @Test
    void sendsEachMailOnce() {
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(2), "sam@example.org", "Sam", "en"));
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(3), "noa@example.org", "Noa", "en"));

        assertThat(delivery.sendDue()).isEqualTo(2);
        assertThat(delivery.sendDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void letsOnlyOneNodeClaimAMail() {
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(4), "ines@example.fr", "Inès", "fr"));
        long id = outbox.latestTo("ines@example.fr").orElseThrow().id();
        Instant now = clock.instant();

        assertThat(mails.claim(id, now, now.plus(MailDelivery.LEASE))).isTrue();
        assertThat(mails.claim(id, now, now.plus(MailDelivery.LEASE))).isFalse();
        assertThat(delivery.sendDue()).isZero();

        // The claiming node died: once its lease is over, another node sends the mail.
        clock.advance(MailDelivery.LEASE.plusSeconds(1));
        assertThat(delivery.sendDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
