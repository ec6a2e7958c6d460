package org.agora.meetings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

@Service
class PublicMeetings implements MeetingCatalog {

    private final Meetings meetings;
    private final Clock clock;

    PublicMeetings(Meetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public List<String> publicPaths() {
        List<String> paths = new ArrayList<>(List.of("/meetings"));
        meetings.publicIds().forEach(id -> paths.add("/meetings/" + id));
        meetings.allSeries().forEach(series -> paths.add("/meetings/series/" + series.slug()));
        return paths;
    }

    @Override
    public Optional<PublicMeeting> findPublic(MeetingId id) {
        return meetings.find(id.value()).filter(Meeting::isPublic).map(PublicMeetings::view);
    }

    @Override
    public List<PublicMeeting> upcoming(int limit) {
        return meetings.listPublic(new Meetings.Filter(null, null, null, null, null, null, false), clock.instant(), 0, limit)
                .meetings().stream().map(PublicMeetings::view).toList();
    }

    private static PublicMeeting view(Meeting meeting) {
        return new PublicMeeting(meeting.meetingId(), meeting.title(), meeting.kind().name(), meeting.startsAt(),
                meeting.endsAt(), meeting.processId(), meeting.territoryId(),
                meeting.status() == MeetingStatus.CANCELLED, "/meetings/" + meeting.id());
    }
}
