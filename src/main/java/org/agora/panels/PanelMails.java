package org.agora.panels;

import java.util.List;
import java.util.Locale;

import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The panels' mails, worded in the recipient's language and handed to the outbox inside the caller's transaction. */
@Component
class PanelMails {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;

    PanelMails(ApplicationEventPublisher events, MessageSource messages, @Value("${agora.base-url}") String baseUrl) {
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The volunteer form's confirmation: what was recorded, why, and for how long. */
    void volunteered(Panel panel, String email, String name, String language) {
        send(panel, email, language, "panel-volunteer", "panels.mail.volunteered", name, panel.retentionDays());
    }

    /** To a person drawn (or drawn as a replacement): staff will contact them. */
    void drawn(Panel panel, String email, String name, String language) {
        send(panel, email, language, "panel-drawn", "panels.mail.drawn", name, panel.retentionDays());
    }

    private void send(Panel panel, String email, String language, String topic, String key, String name, int days) {
        Locale locale = Locale.forLanguageTag(language == null ? "fr" : language);
        String subject = messages.getMessage(key + ".subject", new Object[] {panel.name()}, locale);
        String greeting = messages.getMessage("panels.mail.greeting", new Object[] {name == null ? "" : name}, locale);
        String body = messages.getMessage(key + ".body", new Object[] {panel.name(), days}, locale);
        String link = baseUrl + "/panels/" + panel.slug();
        String label = messages.getMessage("panels.mail.page", null, locale);
        String text = greeting + "\n\n" + body + "\n\n" + label + " " + link + "\n";
        String html = "<p>" + HtmlUtils.htmlEscape(greeting) + "</p><p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(label) + "</a></p>";
        events.publishEvent(new MailRequested(null, email, locale.getLanguage(), topic, subject, text, html, List.of(), null));
    }
}
