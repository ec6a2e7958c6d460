/**
 * Moderation of what participants write: reports, automatic hiding after enough reports, the moderators' queues,
 * hide/restore/dismiss, blocking participants, and the action log. Features take part through {@link
 * org.agora.moderation.ModerationTarget}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package org.agora.moderation;
