package org.agora.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.agora.shared.Clocks;

/**
 * Writes iCalendar (RFC 5545) by hand: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
 * character, text escaped, times in Europe/Paris with its VTIMEZONE. The UID is stable per meeting and SEQUENCE grows
 * with every change, so calendars update the event instead of adding a second one.
 */
final class MeetingCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** How a meeting's place reads in a calendar. */
    record Entry(Meeting meeting, String location, String url) {
    }

    private MeetingCalendar() {
    }

    static String write(String name, List<Entry> entries, String host, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Agora//Meetings//FR");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        line(out, "X-WR-TIMEZONE:Europe/Paris");
        timezone(out);
        for (Entry entry : entries) {
            Meeting meeting = entry.meeting();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:meeting-" + meeting.id() + "@" + host);
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "LAST-MODIFIED:" + UTC.format(meeting.updatedAt()));
            line(out, "SEQUENCE:" + meeting.sequence());
            line(out, "DTSTART;TZID=Europe/Paris:" + LOCAL.format(meeting.startsAt().atZone(Clocks.PARIS)));
            line(out, "DTEND;TZID=Europe/Paris:" + LOCAL.format(meeting.endsAt().atZone(Clocks.PARIS)));
            line(out, "SUMMARY:" + escape(meeting.title()));
            line(out, "DESCRIPTION:" + escape(meeting.description()));
            if (entry.location() != null && !entry.location().isBlank()) {
                line(out, "LOCATION:" + escape(entry.location()));
            }
            line(out, "URL:" + entry.url());
            line(out, "ORGANIZER;CN=" + parameter(meeting.organiserName()) + ":mailto:noreply@" + host);
            line(out, "STATUS:" + (meeting.status() == MeetingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Europe/Paris since 1996: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
    private static void timezone(StringBuilder out) {
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:Europe/Paris");
        line(out, "BEGIN:DAYLIGHT");
        line(out, "TZOFFSETFROM:+0100");
        line(out, "TZOFFSETTO:+0200");
        line(out, "TZNAME:CEST");
        line(out, "DTSTART:19810329T020000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line(out, "END:DAYLIGHT");
        line(out, "BEGIN:STANDARD");
        line(out, "TZOFFSETFROM:+0200");
        line(out, "TZOFFSETTO:+0100");
        line(out, "TZNAME:CET");
        line(out, "DTSTART:19961027T030000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A parameter value is quoted; quotes cannot appear in it at all. */
    private static String parameter(String text) {
        return "\"" + text.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    /** Appends a content line folded at 75 octets: continuation lines start with a space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
