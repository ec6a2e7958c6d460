package org.agora.meetings;

/** What sort of meeting it is. Facilitators may run FABRIK meetings only. */
public enum MeetingKind { SEMINAR, TOUR_STOP, FABRIK, PANEL_SESSION, WEBINAR, OTHER }
