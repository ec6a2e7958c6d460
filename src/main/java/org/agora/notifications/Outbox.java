package org.agora.notifications;

import java.time.Clock;
import java.util.List;

import org.agora.accounts.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes mails to the outbox, in the caller's transaction, and answers the module's read-only query. */
@Service
class Outbox implements MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Mails mails;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;

    Outbox(Mails mails, MailTemplates templates, ObjectProvider<JavaMailSender> smtp, Clock clock) {
        this.mails = mails;
        this.templates = templates;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Joins the caller's transaction, so that the mail exists if and only if what caused it is committed. */
    @Transactional(propagation = Propagation.REQUIRED)
    Mail queue(AccountId account, String recipient, String language, MailKind kind, String pseudonym, String link) {
        String lang = MailTemplates.language(language);
        return queue(account, recipient, lang, kind, templates.render(kind, lang, pseudonym, link), null, link);
    }

    /** Queues a mail rendered by the caller, in its language; {@code unsubscribeUrl} goes into the mail's headers. */
    @Transactional(propagation = Propagation.REQUIRED)
    Mail queue(AccountId account, String recipient, String language, MailKind kind, RenderedMail rendered,
               String unsubscribeUrl, String link) {
        Mail mail = mails.save(Mail.queue(account == null ? null : account.value(), recipient, rendered, language, kind,
                unsubscribeUrl, Mail.stored(clock.instant())));
        if (smtp.getIfAvailable() == null) {
            log.info("Mail {} to {} kept in the outbox (no SMTP server configured, read it at /admin/mails/{}): {}",
                    mail.id(), recipient, mail.id(), rendered.subject());
        } else {
            log.debug("Mail {} to {} queued: {}", mail.id(), recipient, rendered.subject());
        }
        if (link != null) {
            log.debug("Mail {} link: {}", mail.id(), link);
        }
        return mail;
    }

    /** Forgets the mails written to a person whose account was deleted: they hold the address and the pseudonym. */
    @Transactional(propagation = Propagation.REQUIRED)
    void forget(AccountId account) {
        mails.deleteByAccount(account.value());
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboxMail> to(String recipient) {
        return mails.findByRecipient(recipient).stream().map(Mail::view).toList();
    }
}
