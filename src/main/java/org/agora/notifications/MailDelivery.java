package org.agora.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox when an SMTP server is configured (spring.mail.host); without one, mails stay PENDING and
 * administrators read them at /admin/mails.
 *
 * <p>Several nodes may run this job at once. A node first claims each mail with a conditional UPDATE in its own short
 * transaction ({@link Mails#claim}), sends it with no transaction or lock held, then records the outcome. We do not use
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}: H2 (the embedded mode) does not support SKIP LOCKED, and it would hold a
 * transaction open for the duration of an SMTP conversation. A node that dies after claiming leaves the mail SENDING
 * until its lease ({@code claimed_until}) expires; it is then sent again, so delivery is at least once.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** How long a claim holds: far longer than any SMTP conversation. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final Mails mails;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final InternetAddress from;
    private final int batchSize;
    private final int maxAttempts;
    private final String unsubscribeMailto;
    private final ApplicationEventPublisher events;

    MailDelivery(Mails mails, ObjectProvider<JavaMailSender> smtp, PlatformTransactionManager transactions, Clock clock,
                 ApplicationEventPublisher events,
                 @Value("${agora.mail.from}") String from,
                 @Value("${agora.mail.batch-size:20}") int batchSize,
                 @Value("${agora.mail.max-attempts:8}") int maxAttempts,
                 @Value("${agora.mail.unsubscribe-mailto:}") String unsubscribeMailto) {
        this.mails = mails;
        this.events = events;
        this.unsubscribeMailto = unsubscribeMailto == null ? "" : unsubscribeMailto.strip();
        this.smtp = smtp;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("agora.mail.from must be one address: " + from);
            }
            this.from = parsed[0];
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("agora.mail.from is not a valid address: " + from, e);
        }
    }

    @Scheduled(fixedDelayString = "${agora.mail.poll-delay:PT2S}", initialDelayString = "${agora.mail.poll-initial-delay:PT10S}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next run tries again.
            log.warn("Mail delivery run failed: {}", e.toString());
        }
    }

    /** Sends what is due, one batch after another, until nothing is due; returns how many mails were sent. */
    int sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = now();
            var due = transaction.execute(status -> mails.findDueIds(now, batchSize));
            int claimed = 0;
            for (Long id : due) {
                Boolean mine = transaction.execute(status -> mails.claim(id, now(), now().plus(LEASE)));
                if (Boolean.TRUE.equals(mine)) {
                    claimed++;
                    sent += deliver(sender, id) ? 1 : 0;
                }
            }
            if (due.size() < batchSize || claimed == 0) {
                return sent;
            }
        }
    }

    private Instant now() {
        return Mail.stored(clock.instant());
    }

    private boolean deliver(JavaMailSender sender, long id) {
        Mail mail = transaction.execute(status -> mails.findWithAttachments(id).orElseThrow());
        try {
            sender.send(message(sender, mail));
            transaction.executeWithoutResult(status -> {
                mails.findById(id).orElseThrow().delivered(now());
                report(mail, MailDeliveryReported.Outcome.SENT, null);
            });
            log.debug("Mail {} sent to {}", id, mail.recipient());
            return true;
        } catch (MailException | MessagingException e) {
            // A message we cannot even build (a malformed address) will not get better by waiting.
            // Neither will a recipient or message the server refused for good (a 5xx reply, RFC 5321 4.2.1).
            boolean refused = SmtpReplies.permanentRefusal(e);
            boolean worthRetrying = !(refused || e instanceof MailParseException || e instanceof MailPreparationException
                    || e instanceof MessagingException);
            String error = SmtpReplies.describe(e);
            Mail failed = transaction.execute(status -> {
                Mail current = mails.findById(id).orElseThrow();
                current.deliveryFailed(error, worthRetrying, maxAttempts, now());
                report(mail, refused ? MailDeliveryReported.Outcome.REFUSED
                        : current.status() == Mail.Status.FAILED ? MailDeliveryReported.Outcome.ABANDONED
                        : MailDeliveryReported.Outcome.RETRYING, error);
                return current;
            });
            if (failed.status() == Mail.Status.FAILED) {
                log.error("Mail {} to {} abandoned after {} attempt(s): {}", id, mail.recipient(), failed.attempts(), error);
            } else {
                log.warn("Mail {} to {} not sent (attempt {}), next attempt at {}: {}", id, mail.recipient(),
                        failed.attempts(), failed.nextAttemptAt(), error);
            }
            return false;
        }
    }

    /** Tells the feature that named this mail what became of it, in the transaction recording the outcome. */
    private void report(Mail mail, MailDeliveryReported.Outcome outcome, String error) {
        if (mail.reference() != null) {
            events.publishEvent(new MailDeliveryReported(mail.id(), mail.topic(), mail.reference(), mail.recipient(),
                    outcome, error));
        }
    }

    /**
     * A multipart/alternative message: the plain text first, then the HTML version, as RFC 2046 orders them. With
     * files: multipart/mixed holding a multipart/related (the alternative, then the inline files the HTML shows as
     * {@code cid:}) followed by the ordinary attachments. Each file keeps the content type the feature gave, e.g.
     * {@code text/calendar; method=REQUEST; charset=utf-8} for an invitation.
     */
    private MimeMessage message(JavaMailSender sender, Mail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(now()));
        message.setHeader("Content-Language", mail.language());
        // RFC 3834: automatic replies (holiday notices) should not answer this mail.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.unsubscribeUrl() != null) {
            // RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this address.
            // A mailbox the team reads may be offered too, for clients that only know the mailto: form.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">"
                    + (unsubscribeMailto.isEmpty() ? "" : ", <mailto:" + unsubscribeMailto + "?subject=unsubscribe>"));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (!mail.attachments().isEmpty()) {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            if (mail.html() == null) {
                helper.setText(mail.text(), false);
            } else {
                helper.setText(mail.text(), mail.html());
            }
            for (Attachment file : mail.attachments()) {
                ByteArrayDataSource data = new ByteArrayDataSource(file.content(), file.contentType());
                data.setName(file.fileName());
                if (file.inline()) {
                    helper.addInline(file.contentId(), data);
                } else {
                    helper.addAttachment(file.fileName(), data);
                }
            }
        } else if (mail.html() == null) {
            message.setText(mail.text(), "UTF-8", "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }
}
