package org.agora.meetings;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.agora.shared.Clocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingCalendarTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void writesEventsThatACalendarReadsAtTheRightTimeOnBothSidesOfTheClockChange() throws Exception {
        // 28 March 2026 is winter time (UTC+1), 30 March summer time (UTC+2).
        Meeting winter = meeting(1, "Séminaire, d'hiver; \\ partie 1", Instant.parse("2026-03-28T17:30:00Z"), MeetingStatus.PUBLISHED);
        Meeting summer = meeting(2, "Séminaire d'été", Instant.parse("2026-03-30T16:30:00Z"), MeetingStatus.CANCELLED);

        String ics = MeetingCalendar.write("Cycle", List.of(
                new MeetingCalendar.Entry(winter, "1 place de la Mairie, Orléans (45000)", "https://agora.example.org/meetings/1"),
                new MeetingCalendar.Entry(summer, "", "https://agora.example.org/meetings/2")), "agora.example.org", NOW);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(start(events.get(0))).isEqualTo(LocalDateTime.parse("2026-03-28T18:30").atZone(Clocks.PARIS).toInstant())
                .isEqualTo(winter.startsAt());
        assertThat(start(events.get(1))).isEqualTo(summer.startsAt());
        assertThat(events.get(0).getSummary().orElseThrow().getValue()).isEqualTo("Séminaire, d'hiver; \\ partie 1");
        assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo("meeting-1@agora.example.org");
        assertThat(events.get(0).getLocation().orElseThrow().getValue()).isEqualTo("1 place de la Mairie, Orléans (45000)");
        assertThat(events.get(1).getStatus().orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(events.get(1).getSequence().orElseThrow().getSequenceNo()).isEqualTo(3);
        assertThat(ics).contains("DTSTART;TZID=Europe/Paris:20260328T183000", "DTSTART;TZID=Europe/Paris:20260330T183000",
                "BEGIN:VTIMEZONE", "SUMMARY:Séminaire\\, d'hiver\\; \\\\ partie 1");
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithCrlfWithoutCuttingACharacter() {
        String title = "Atelier Fabrik « Mobilités rurales » à Châteauneuf-sur-Loire, Saint-Benoît-sur-Loire et Sully-sur-Loire";
        Meeting meeting = meeting(3, title, Instant.parse("2026-06-10T16:00:00Z"), MeetingStatus.PUBLISHED);

        String ics = MeetingCalendar.write("Fabriks", List.of(new MeetingCalendar.Entry(meeting, "Salle des fêtes",
                "https://agora.example.org/meetings/3")), "agora.example.org", NOW);

        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + title.replace(",", "\\,"));
    }

    private static Instant start(VEvent event) {
        DtStart<Temporal> start = event.<Temporal>getDateTimeStart().orElseThrow();
        return ZonedDateTime.from(start.getDate()).toInstant();
    }

    private static Meeting meeting(long id, String title, Instant start, MeetingStatus status) {
        return new Meeting(id, null, MeetingKind.SEMINAR, MeetingFormat.IN_PERSON, title, "Ligne 1\nLigne 2, suite",
                start, start.plusSeconds(7200), null, 1, null, "1 place", null, 1, "Région", false, "token", null, true,
                null, null, status, 3, 0, 0, NOW);
    }
}
