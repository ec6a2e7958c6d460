package org.agora.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AccountManagement.NotificationContact;
import org.agora.accounts.NotificationFrequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, one mail per DAILY_DIGEST person with the notices of the last 24 hours that no mail carried yet.
 *
 * <p>Every node of a cluster runs this job. Each person's digest is one transaction that first claims the notices
 * ({@link Notices#claimForMail}: a conditional UPDATE of {@code mailed_at}), then writes the mail to the outbox with
 * exactly the notices it claimed: a notice claimed by another node is left out, a run that finds everything claimed
 * writes nothing, and a rolled-back run releases its claims. So no notice is ever mailed twice.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    static final Duration WINDOW = Duration.ofDays(1);

    private final Notices notices;
    private final NoticeMails mails;
    private final AccountManagement accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyDigest(Notices notices, NoticeMails mails, AccountManagement accounts, PlatformTransactionManager transactions,
                Clock clock) {
        this.notices = notices;
        this.mails = mails;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${agora.notifications.digest-cron:0 0 7 * * *}", zone = "Europe/Paris")
    void run() {
        try {
            int sent = send();
            log.info("Daily digest: {} mail(s) written to the outbox", sent);
        } catch (RuntimeException e) {
            log.warn("Daily digest run failed: {}", e.toString());
        }
    }

    /** Writes the digests due now; returns how many mails this run wrote. */
    int send() {
        Instant now = Mail.stored(clock.instant());
        Instant since = now.minus(WINDOW);
        List<AccountId> recipients = transaction.execute(status -> notices.findRecipientsWithUnmailedSince(since))
                .stream().map(AccountId::new).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        Map<AccountId, NotificationContact> contacts = accounts.notificationContacts(recipients);
        int sent = 0;
        for (NotificationContact contact : contacts.values()) {
            if (contact.frequency() == NotificationFrequency.DAILY_DIGEST && contact.email() != null) {
                sent += Boolean.TRUE.equals(transaction.execute(status -> digest(contact, since, now))) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean digest(NotificationContact contact, Instant since, Instant now) {
        List<Long> claimed = notices.findUnmailedSince(contact.id().value(), since).stream()
                .filter(id -> notices.claimForMail(id, now) == 1).toList();
        if (claimed.isEmpty()) {
            return false;
        }
        List<Notice> day = notices.findAllById(claimed).stream()
                .sorted(Comparator.comparing(Notice::createdAt).thenComparing(Notice::id)).toList();
        mails.digest(day, contact);
        return true;
    }
}
