package org.agora.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AccountManagement.NotificationContact;
import org.agora.accounts.NotificationFrequency;
import org.agora.shared.ResourceRef;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notices, one per person, and mails at once those whose owner asked for IMMEDIATE mails; the others wait for
 * the daily digest ({@link DailyDigest}) or are never mailed. Deleted accounts get nothing.
 */
@Service
@Transactional
class Noticeboard {

    private final Notices notices;
    private final NoticeMails mails;
    private final AccountManagement accounts;
    private final Clock clock;

    Noticeboard(Notices notices, NoticeMails mails, AccountManagement accounts, Clock clock) {
        this.notices = notices;
        this.mails = mails;
        this.accounts = accounts;
        this.clock = clock;
    }

    void post(Collection<AccountId> recipients, NoticeKind kind, ResourceRef resource, String linkPath, String title,
              String detail) {
        Set<AccountId> distinct = new LinkedHashSet<>(recipients);
        if (distinct.isEmpty()) {
            return;
        }
        Map<AccountId, NotificationContact> contacts = accounts.notificationContacts(distinct);
        for (AccountId recipient : distinct) {
            NotificationContact contact = contacts.get(recipient);
            if (contact == null) {
                continue;
            }
            Notice notice = notices.save(new Notice(recipient, kind, resource, linkPath, title, detail,
                    Mail.stored(clock.instant())));
            if (contact.frequency() == NotificationFrequency.IMMEDIATE && contact.email() != null) {
                mails.immediate(notice, contact);
                notice.mailed(Mail.stored(clock.instant()));
            }
        }
    }

    // ---- The person's own notices ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    Page<Notice> page(AccountId account, int page, int size) {
        return notices.findByRecipient(account.value(), PageRequest.of(page, size));
    }

    @Transactional(readOnly = true)
    long unread(AccountId account) {
        return notices.countByRecipientIdAndReadAtIsNull(account.value());
    }

    /** Marks the person's own notice read and returns where it leads; someone else's notice is not found. */
    Optional<String> open(AccountId account, long id) {
        return notices.findOwn(id, account.value()).map(notice -> {
            notice.read(Mail.stored(clock.instant()));
            return notice.linkPath();
        });
    }

    void readAll(AccountId account) {
        notices.readAll(account.value(), Mail.stored(clock.instant()));
    }
}
