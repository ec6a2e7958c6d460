package org.agora.moderation;

/** Why something is reported or hidden. The public sees the category of a hidden item, never a moderator's notes. */
public enum ModerationReason { SPAM, OFFENSIVE, OFF_TOPIC, PERSONAL_DATA, OTHER }
