package org.agora.notifications;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.agora.DatabaseTest;
import org.agora.MutableClock;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** An SMTP server that cannot be reached: a port nobody listens on. */
@DatabaseTest
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "agora.demo-data=false")
@Import(MailDeliveryTest.Clocks.class)
class MailDeliveryFailureTest {

    static final int CLOSED_PORT = MailDeliveryTest.freePort();

    @DynamicPropertySource
    static void unreachableMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("agora.mail.max-attempts", () -> "8");
        registry.add("agora.mail.poll-initial-delay", () -> "P1D");
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MailDelivery delivery;

    @Autowired
    Mails mails;

    @Autowired
    MutableClock clock;

    @Test
    void retriesWithGrowingDelaysThenGivesUpAfterTheLastAttempt() {
        events.publishEvent(new AccountMail.PasswordResetRequested(new AccountId(1), "camille@example.fr", "Camille",
                "fr", "https://agora.example.fr/password/reset?token=r1"));
        long id = mails.findByRecipient("camille@example.fr").get(0).id();

        assertThat(delivery.sendDue()).isZero();
        Mail afterFirst = mails.findById(id).orElseThrow();
        assertThat(afterFirst.status()).isEqualTo(Mail.Status.PENDING);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).isNotBlank();
        assertThat(afterFirst.nextAttemptAt()).isCloseTo(clock.instant().plus(Duration.ofSeconds(30)), within(1, ChronoUnit.MILLIS));

        // Not due yet: nothing is tried.
        assertThat(delivery.sendDue()).isZero();
        assertThat(mails.findById(id).orElseThrow().attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        delivery.sendDue();
        Mail afterSecond = mails.findById(id).orElseThrow();
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(afterSecond.nextAttemptAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(2)), within(1, ChronoUnit.MILLIS));

        for (int attempt = 3; attempt <= 8; attempt++) {
            clock.advance(Duration.ofDays(1));
            delivery.sendDue();
        }
        Mail abandoned = mails.findById(id).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(Mail.Status.FAILED);
        assertThat(abandoned.attempts()).isEqualTo(8);
        assertThat(abandoned.sentAt()).isNull();

        clock.advance(Duration.ofDays(30));
        delivery.sendDue();
        assertThat(mails.findById(id).orElseThrow().attempts()).isEqualTo(8);
    }

    @Test
    void givesUpAtOnceOnAnAddressThatCannotBeWritten() {
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(2), "not an address@@", "Broken", "fr"));
        long id = mails.findByRecipient("not an address@@").get(0).id();

        delivery.sendDue();

        Mail mail = mails.findById(id).orElseThrow();
        assertThat(mail.status()).isEqualTo(Mail.Status.FAILED);
        assertThat(mail.attempts()).isEqualTo(1);
    }

}
