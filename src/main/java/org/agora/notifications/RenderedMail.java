package org.agora.notifications;

/** A mail ready to send: its subject, a plain-text part (always) and an HTML part. */
record RenderedMail(String subject, String text, String html) {
}
