/**
 * The mail outbox (written in the transaction that causes a mail, sent asynchronously), follows of proposals and
 * processes, in-app notices built from the features' events, and their mails: one per notice or a daily digest, each
 * with a one-click unsubscribe. See docs/decisions/0006.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.agora.notifications;
