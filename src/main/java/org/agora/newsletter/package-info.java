/**
 * The newsletter: subscription without an account (double opt-in, consent recorded, one-click unsubscribe), editions
 * composed by staff from the platform's recent content, sent through the outbox as a resumable, throttled job, and
 * their public archive. See docs/decisions/0022.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsletter")
package org.agora.newsletter;
