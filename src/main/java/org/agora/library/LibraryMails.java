package org.agora.library;

import java.util.List;
import java.util.Locale;

import org.agora.accounts.AgoraUser;
import org.agora.shared.MailRequested;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails of the library that are not a review's outcome: a message to an initiative's contact. */
@Component
class LibraryMails {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;

    LibraryMails(ApplicationEventPublisher events, MessageSource messages,
                 @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /**
     * Sends a signed-in person's message to the initiative's contact, in French (the contact has no account language),
     * with the sender's address so that the contact may answer; the contact's address is never shown on the site.
     */
    void contact(AgoraUser sender, InitiativeView initiative, String message) {
        Locale french = Locale.FRENCH;
        String subject = messages.getMessage("library.mail.contact.subject", new Object[] {initiative.title()}, french);
        String text = messages.getMessage("library.mail.contact.body", new Object[] {initiative.contactName(),
                sender.pseudonym(), sender.email(), initiative.title()}, french) + "\n\n" + message + "\n\n"
                + messages.getMessage("library.mail.page", null, french) + " " + baseUrl + initiative.path() + "\n";
        events.publishEvent(new MailRequested(null, initiative.contactEmail(), "fr", "library-contact", subject, text,
                null, List.of(), null));
    }
}
