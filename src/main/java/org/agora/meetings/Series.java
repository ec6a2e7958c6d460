package org.agora.meetings;

/** A series of meetings, reached at /meetings/series/{slug}. */
record Series(long id, String slug, SeriesKind kind, String title, String description, Long processId) {
}
