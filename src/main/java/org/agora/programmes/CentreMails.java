package org.agora.programmes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Words the network's mails in each recipient's language and hands them to the outbox ({@link MailRequested}) in the
 * caller's transaction: to the centre's facilitators, or to its contact address when it has none.
 */
@Component
class CentreMails {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final AccountManagement accounts;
    private final String baseUrl;

    CentreMails(ApplicationEventPublisher events, MessageSource messages, AccountManagement accounts,
                @Value("${agora.base-url}") String baseUrl) {
        this.events = events;
        this.messages = messages;
        this.accounts = accounts;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void reminder(CyberCentre centre, int year, LocalDate deadline, boolean overdue) {
        String link = baseUrl + "/account/cyber-centres/" + centre.id() + "/rapports/" + year;
        String key = overdue ? "programmes.centre.mail.overdue" : "programmes.centre.mail.before";
        String topic = overdue ? "centre-report-overdue" : "centre-report-reminder";
        Map<AccountId, AccountManagement.NotificationContact> contacts = centre.facilitators().isEmpty() ? Map.of()
                : accounts.notificationContacts(centre.facilitators().stream().map(AccountId::new).toList());
        if (contacts.isEmpty()) {
            send(null, centre.contactEmail(), "fr", topic, key, centre, year, deadline, link);
        }
        contacts.values().forEach(contact -> send(contact.id().value(), contact.email(), contact.language(), topic,
                key, centre, year, deadline, link));
    }

    private void send(Long accountId, String email, String language, String topic, String key, CyberCentre centre,
                      int year, LocalDate deadline, String link) {
        Locale locale = Locale.forLanguageTag(language);
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(deadline);
        String subject = messages.getMessage(key + ".subject", new Object[] {year, centre.name()}, locale);
        String body = messages.getMessage(key + ".body", new Object[] {year, centre.name(), day}, locale);
        String label = messages.getMessage("programmes.centre.mail.link", null, locale);
        String text = body + "\n\n" + label + " " + link + "\n";
        String html = "<p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(label) + "</a></p>";
        events.publishEvent(new MailRequested(accountId, email, language, topic, subject, text, html, List.of(), null));
    }
}
