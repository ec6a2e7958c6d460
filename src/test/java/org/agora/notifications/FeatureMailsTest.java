package org.agora.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agora.DatabaseTest;
import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.shared.MailAttachment;
import org.agora.shared.MailRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mails features word themselves (MailRequested) reach the outbox with their files. */
@DatabaseTest
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "agora.demo-data=false")
class FeatureMailsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    static final String CALENDAR = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Mails mails;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyOutbox() {
        mails.deleteAll();
    }

    static MailRequested registration(Long account, String recipient, List<MailAttachment> files) {
        return new MailRequested(account, recipient, "fr", "meeting-registration", "Votre inscription à l’atelier",
                "Bonjour,\nVous êtes inscrit.\n", "<p>Vous êtes inscrit.</p><p><img src=\"cid:qr-code\" alt=\"QR\"></p>",
                files, null);
    }

    static List<MailAttachment> qrAndInvitation() {
        return List.of(new MailAttachment("billet.png", "image/png", PNG, "qr-code"),
                new MailAttachment("atelier.ics", "text/calendar; method=REQUEST; charset=utf-8",
                        CALENDAR.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void writesTheMailWithItsFilesInTheOrderGiven() {
        events.publishEvent(registration(7L, "lea@example.fr", qrAndInvitation()));

        OutboxMail mail = outbox.latestTo("lea@example.fr").orElseThrow();
        assertThat(mail.kind()).isEqualTo("FEATURE");
        assertThat(mail.topic()).isEqualTo("meeting-registration");
        assertThat(mail.subject()).isEqualTo("Votre inscription à l’atelier");
        assertThat(mail.html()).contains("cid:qr-code");
        assertThat(mail.status()).isEqualTo("PENDING");
        assertThat(mail.attachments()).extracting(OutboxMail.File::fileName).containsExactly("billet.png", "atelier.ics");
        assertThat(mail.attachment("billet.png").orElseThrow().content()).isEqualTo(PNG);
        assertThat(mail.attachment("billet.png").orElseThrow().contentId()).isEqualTo("qr-code");
        OutboxMail.File invitation = mail.attachment("atelier.ics").orElseThrow();
        assertThat(invitation.contentType()).isEqualTo("text/calendar; method=REQUEST; charset=utf-8");
        assertThat(new String(invitation.content(), StandardCharsets.UTF_8)).isEqualTo(CALENDAR);
        assertThat(invitation.contentId()).isNull();
    }

    @Test
    void writesNothingWhenThePublishingTransactionRollsBack() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(registration(null, "invite@example.fr", qrAndInvitation()));
            assertThat(outbox.to("invite@example.fr")).hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(outbox.to("invite@example.fr")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from mail_attachment", Long.class)).isZero();
    }

    @Test
    void refusesFilesHeavierThanTheLimitWithAClearMessage() {
        byte[] heavy = new byte[Outbox.MAX_ATTACHMENT_BYTES / 2 + 1];
        List<MailAttachment> files = List.of(new MailAttachment("a.pdf", "application/pdf", heavy, null),
                new MailAttachment("b.pdf", "application/pdf", heavy, null));

        assertThatThrownBy(() -> events.publishEvent(registration(8L, "lourd@example.fr", files)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weigh at most " + Outbox.MAX_ATTACHMENT_BYTES + " bytes");
        assertThat(outbox.to("lourd@example.fr")).isEmpty();
    }

    @Test
    void refusesAFileNameOrContentTypeAMailCannotCarry() {
        assertThatThrownBy(() -> events.publishEvent(registration(9L, "x@example.fr",
                List.of(new MailAttachment("../etc/passwd", "text/plain", PNG, null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
        assertThatThrownBy(() -> events.publishEvent(registration(9L, "x@example.fr",
                List.of(new MailAttachment("a.txt", "not a type", PNG, null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content type");
        assertThatThrownBy(() -> events.publishEvent(registration(9L, "x@example.fr",
                List.of(new MailAttachment("a.png", "image/png", PNG, "<bad id>")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content id");
        assertThat(outbox.to("x@example.fr")).isEmpty();
    }

    @Test
    void forgetsTheFilesWithTheMailsOfADeletedAccount() {
        events.publishEvent(registration(11L, "partie@example.fr", qrAndInvitation()));
        events.publishEvent(registration(12L, "reste@example.fr", qrAndInvitation()));

        events.publishEvent(new AccountDeleted(new AccountId(11)));

        assertThat(outbox.to("partie@example.fr")).isEmpty();
        assertThat(outbox.latestTo("reste@example.fr").orElseThrow().attachments()).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from mail_attachment", Long.class)).isEqualTo(2);
    }
}
