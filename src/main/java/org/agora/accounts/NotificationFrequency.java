package org.agora.accounts;

/** How a person wants to receive notification mails. */
public enum NotificationFrequency { IMMEDIATE, DAILY_DIGEST, NEVER }
