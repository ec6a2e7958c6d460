package org.agora.notifications;

/**
 * What became of one attempt to deliver a mail a feature worded itself and named ({@code MailRequested.reference}).
 * Published in the transaction that records the outcome, so a synchronous listener's writes commit with it.
 *
 * @param outcome SENT; RETRYING (a temporary failure, another attempt will follow); REFUSED (the SMTP server refused
 *                the recipient or the message for good, a 5xx reply: nothing more will be tried); ABANDONED (the last
 *                attempt failed, or the message could not be built)
 * @param error   the server's or the library's message, null when SENT
 */
public record MailDeliveryReported(long mailId, String topic, String reference, String recipient, Outcome outcome,
                                   String error) {

    public enum Outcome { SENT, RETRYING, REFUSED, ABANDONED }
}
