package org.agora.meetings;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Turns stored meetings into what pages show. */
@Component
class MeetingViews {

    private final Meetings meetings;
    private final MeetingLinks links;
    private final Clock clock;

    MeetingViews(Meetings meetings, MeetingLinks links, Clock clock) {
        this.meetings = meetings;
        this.links = links;
        this.clock = clock;
    }

    List<MeetingCard> cards(List<Meeting> list) {
        Map<Long, Series> series = new HashMap<>();
        meetings.allSeries().forEach(one -> series.put(one.id(), one));
        return list.stream().map(meeting -> card(meeting, series)).toList();
    }

    MeetingCard card(Meeting meeting) {
        return cards(List.of(meeting)).get(0);
    }

    private MeetingCard card(Meeting meeting, Map<Long, Series> series) {
        return new MeetingCard(meeting.id(), meeting.title(), meeting.description(), meeting.kind(), meeting.format(),
                meeting.status(), meeting.startsInParis(), meeting.endsInParis(), links.place(meeting),
                links.territoryName(meeting.territoryId()), meeting.organiserName(), meeting.capacity(),
                meeting.seatsLeft(), meeting.confirmedCount(), meeting.waitingCount(), meeting.registrationEnabled(),
                meeting.invitationOnly(), meeting.seriesId() == null ? null : series.get(meeting.seriesId()),
                meeting.isPast(clock.instant()));
    }
}
