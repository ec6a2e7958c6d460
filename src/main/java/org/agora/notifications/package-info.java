/** The mail outbox (written in the transaction that causes a mail, sent asynchronously), later in-app notices and digests. */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.agora.notifications;
