package org.agora.moderation;

/** What a line of the action log records. AUTO_HIDE is the only one without a moderator. */
enum ModerationAction { AUTO_HIDE, HIDE, RESTORE, DISMISS, BLOCK, UNBLOCK }
