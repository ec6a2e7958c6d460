package org.agora.notifications;

import java.util.List;
import java.util.Optional;

/** Read-only view of the mail outbox, for tests and for modules that show what was sent. */
public interface MailOutbox {

    /** Every mail to this address (ignoring case), newest first. */
    List<OutboxMail> to(String recipient);

    /** The newest mail to this address. */
    default Optional<OutboxMail> latestTo(String recipient) {
        return to(recipient).stream().findFirst();
    }
}
