package org.agora.moderation;

/** One option of a filter on the moderation pages: a process or a moderator, by id, with what is shown. */
record Choice(long id, String label) {
}
