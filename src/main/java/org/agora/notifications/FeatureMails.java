package org.agora.notifications;

import org.agora.shared.MailRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the mails features word themselves into the outbox. Synchronous, like {@link AccountMails}: the mail is
 * written in the publishing transaction, so it exists if and only if what caused it is committed (decisions 0002,
 * 0006).
 */
@Component
class FeatureMails {

    private final Outbox outbox;

    FeatureMails(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(MailRequested request) {
        outbox.queue(request);
    }
}
