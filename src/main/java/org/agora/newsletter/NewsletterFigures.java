package org.agora.newsletter;

import java.time.YearMonth;
import java.util.List;

/** Read-only figures of the newsletter, for the statistics module's figures page. */
public interface NewsletterFigures {

    /** Editions sent (fully handed over to the outbox). */
    long editionsSent();

    /** Subscribers who confirmed and have not left. */
    long confirmedSubscribers();

    /** Unsubscriptions of confirmed subscribers, in all (at their request or after repeated refusals). */
    long unsubscriptions();

    /** Per month (Europe/Paris), oldest first, from the first month with a change to the current month. */
    List<Month> months();

    /** New confirmations, unsubscriptions and the number of subscribers at the end of the month. */
    record Month(YearMonth month, long confirmed, long unsubscribed, long total) {
    }
}
