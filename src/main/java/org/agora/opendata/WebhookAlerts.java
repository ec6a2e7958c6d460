package org.agora.opendata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.Role;
import org.agora.accounts.RoleScope;
import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the staff of the whole instance and the administrators, by mail, that an endpoint was paused because it kept
 * failing. Written to the outbox in the transaction that pauses the endpoint, so it is sent once.
 */
@Component
class WebhookAlerts {

    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;

    WebhookAlerts(AccountManagement accounts, ApplicationEventPublisher events, MessageSource messages,
                  @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.accounts = accounts;
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void pausedAfterFailures(WebhookEndpoints.Endpoint endpoint, int failures) {
        Set<AccountId> recipients = new LinkedHashSet<>(accounts.holdersOf(Role.ADMINISTRATOR, RoleScope.GLOBAL));
        recipients.addAll(accounts.holdersOf(Role.STAFF, RoleScope.GLOBAL));
        String link = baseUrl + "/admin/webhooks/" + endpoint.id();
        accounts.notificationContacts(recipients).values().forEach(contact -> {
            Locale locale = Locale.forLanguageTag("en".equals(contact.language()) ? "en" : "fr");
            String subject = messages.getMessage("opendata.webhooks.mail.paused.subject", new Object[] {endpoint.name()}, locale);
            String body = messages.getMessage("opendata.webhooks.mail.paused.body",
                    new Object[] {endpoint.name(), endpoint.url(), failures}, locale);
            String text = body + "\n\n" + link + "\n";
            events.publishEvent(new MailRequested(contact.id().value(), contact.email(), locale.getLanguage(),
                    "webhook-paused", subject, text, null, List.of(), null));
        });
    }
}
