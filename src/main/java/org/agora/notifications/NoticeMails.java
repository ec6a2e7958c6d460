package org.agora.notifications;

import java.util.List;
import java.util.Locale;

import org.agora.accounts.AccountManagement.NotificationContact;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Notices as words (in-app and in mails) and as mails in the outbox, each with the person's unsubscribe link. */
@Component
class NoticeMails {

    static final String UNSUBSCRIBE_PATH = "/notifications/unsubscribe";

    private final Outbox outbox;
    private final MailTemplates templates;
    private final MessageSource messages;
    private final NotificationPreferences preferences;

    NoticeMails(Outbox outbox, MailTemplates templates, MessageSource messages, NotificationPreferences preferences) {
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.preferences = preferences;
    }

    /** The sentence a notice shows, e.g. « Nouveau commentaire sur « Des pistes cyclables » ». */
    String text(Notice notice, Locale locale) {
        String reason = notice.detail() == null ? ""
                : messages.getMessage("notifications.reason." + notice.detail(), null, notice.detail(), locale);
        String key = "notifications.notice." + notice.kind().name() + (notice.title() == null ? ".untitled" : "");
        return messages.getMessage(key, new Object[] {notice.title(), reason}, locale);
    }

    /** One mail for one notice (IMMEDIATE); its subject is the notice's sentence. */
    void immediate(Notice notice, NotificationContact contact) {
        String language = MailTemplates.language(contact.language());
        String text = text(notice, Locale.of(language));
        queue(MailKind.NOTICE, contact, language, text, List.of(notice));
    }

    /** One mail for all of a day's notices (DAILY_DIGEST). */
    void digest(List<Notice> notices, NotificationContact contact) {
        String language = MailTemplates.language(contact.language());
        String subject = messages.getMessage("notifications.mail.digest.subject", new Object[] {notices.size()},
                Locale.of(language));
        queue(MailKind.DIGEST, contact, language, subject, notices);
    }

    String unsubscribeUrl(NotificationContact contact) {
        return UriComponentsBuilder.fromUriString(templates.absolute(UNSUBSCRIBE_PATH))
                .queryParam("token", preferences.unsubscribeToken(contact.id())).build().toUriString();
    }

    private void queue(MailKind kind, NotificationContact contact, String language, String subject, List<Notice> notices) {
        Locale locale = Locale.of(language);
        List<MailTemplates.MailedNotice> items = notices.stream()
                .map(notice -> new MailTemplates.MailedNotice(text(notice, locale), templates.absolute(notice.linkPath()))).toList();
        String unsubscribe = unsubscribeUrl(contact);
        RenderedMail rendered = templates.renderNotices(kind, language, contact.pseudonym(), subject, items, unsubscribe);
        outbox.queue(contact.id(), contact.email(), language, kind, rendered, unsubscribe, items.getFirst().link());
    }
}
