/**
 * Meetings, in person and online: seminars, citizen-tour stops, Fabrik workshops, panel sessions, webinars; their
 * series, registration forms, registrations with a waiting list, iCalendar feeds and the mails that go with them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.agora.meetings;
