package org.agora.notifications;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

import org.agora.accounts.AccountId;
import org.agora.shared.MailAttachment;
import org.agora.shared.MailRequested;
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

    /** What the files of one mail may weigh together: mail servers commonly refuse messages above 10 MB once encoded. */
    static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    static final int MAX_ATTACHMENTS = 10;

    private static final int MAX_NAME_LENGTH = 200;

    private static final Pattern FILE_NAME = Pattern.compile("[^\\p{Cntrl}/\\\\\"]{1,200}");

    private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,200}");

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
        logQueued(mail, rendered.subject());
        if (link != null) {
            log.debug("Mail {} link: {}", mail.id(), link);
        }
        return mail;
    }

    private void logQueued(Mail mail, String subject) {
        if (smtp.getIfAvailable() == null) {
            log.info("Mail {} to {} kept in the outbox (no SMTP server configured, read it at /admin/mails/{}): {}",
                    mail.id(), mail.recipient(), mail.id(), subject);
        } else {
            log.debug("Mail {} to {} queued: {}", mail.id(), mail.recipient(), subject);
        }
    }

    /**
     * Queues a mail a feature worded itself, with its files. A mail the outbox cannot carry (too heavy, too many files,
     * a malformed file name, content type or content id) is refused with an {@link IllegalArgumentException} thrown
     * to the publisher, which rolls its transaction back unless it catches it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    Mail queue(MailRequested request) {
        List<Attachment> files = request.attachments().stream().map(Outbox::checked).toList();
        if (files.size() > MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("A mail carries at most " + MAX_ATTACHMENTS + " files, not " + files.size());
        }
        long weight = files.stream().mapToLong(Attachment::size).sum();
        if (weight > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("The files of a mail weigh at most " + MAX_ATTACHMENT_BYTES
                    + " bytes together, not " + weight + " (mail \"" + request.subject() + "\" to " + request.recipient() + ")");
        }
        String language = MailTemplates.language(request.language());
        Mail mail = mails.save(Mail.queue(request.accountId(), request.recipient(),
                new RenderedMail(request.subject(), request.text(), request.html()), language, request.topic(), files,
                request.unsubscribeUrl(), request.reference(), Mail.stored(clock.instant())));
        logQueued(mail, request.subject());
        return mail;
    }

    private static Attachment checked(MailAttachment file) {
        if (!FILE_NAME.matcher(file.fileName()).matches() || file.fileName().isBlank()) {
            throw new IllegalArgumentException("Not a file name a mail can carry: " + file.fileName());
        }
        if (file.contentType().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Content type too long: " + file.contentType());
        }
        try {
            new ContentType(file.contentType());
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a content type: " + file.contentType(), e);
        }
        if (file.contentId() != null && !CONTENT_ID.matcher(file.contentId()).matches()) {
            throw new IllegalArgumentException("A content id is 1 to 200 letters, digits or ._@- : " + file.contentId());
        }
        return new Attachment(file.fileName(), file.contentType(), file.contentId(), file.content());
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
