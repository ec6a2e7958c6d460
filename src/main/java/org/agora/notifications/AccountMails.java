package org.agora.notifications;

import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the accounts module's mail events into outbox mails. A plain, synchronous listener on purpose: the row is
 * written in the transaction that published the event, so a rolled-back sign-up sends nothing and a committed one
 * cannot lose its mail.
 */
@Component
class AccountMails {

    /** Where a person who did not change their password can take their account back (accounts' public page). */
    static final String FORGOTTEN_PASSWORD_PATH = "/password/forgotten";

    private final Outbox outbox;
    private final String baseUrl;

    AccountMails(Outbox outbox, @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @EventListener
    void on(AccountMail event) {
        switch (event) {
            case AccountMail.ConfirmationRequested mail -> outbox.queue(mail.account(), mail.email(), mail.language(),
                    MailKind.CONFIRMATION, mail.pseudonym(), mail.link());
            case AccountMail.SignUpWithExistingEmail mail -> outbox.queue(mail.account(), mail.email(), mail.language(),
                    MailKind.SIGN_UP_WITH_EXISTING_EMAIL, mail.pseudonym(), mail.resetLink());
            case AccountMail.PasswordResetRequested mail -> outbox.queue(mail.account(), mail.email(), mail.language(),
                    MailKind.PASSWORD_RESET, mail.pseudonym(), mail.link());
            case AccountMail.EmailChangeRequested mail -> outbox.queue(mail.account(), mail.email(), mail.language(),
                    MailKind.EMAIL_CHANGE, mail.pseudonym(), mail.link());
            case AccountMail.PasswordChanged mail -> outbox.queue(mail.account(), mail.email(), mail.language(),
                    MailKind.PASSWORD_CHANGED, mail.pseudonym(), baseUrl + FORGOTTEN_PASSWORD_PATH);
        }
    }

    @EventListener
    void on(AccountDeleted event) {
        outbox.forget(event.account());
    }
}
