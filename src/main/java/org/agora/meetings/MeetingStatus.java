package org.agora.meetings;

/** A draft is seen by staff only; a cancelled meeting stays visible, marked as cancelled. */
public enum MeetingStatus { DRAFT, PUBLISHED, CANCELLED }
