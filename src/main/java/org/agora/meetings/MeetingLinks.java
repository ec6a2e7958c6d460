package org.agora.meetings;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute addresses of meeting pages, the place as one line, and calendars. */
@Component
class MeetingLinks {

    private final String baseUrl;
    private final TerritoryDirectory territories;
    private final Clock clock;

    MeetingLinks(@Value("${agora.base-url}") String baseUrl, TerritoryDirectory territories, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.territories = territories;
        this.clock = clock;
    }

    String url(String path) {
        return baseUrl + path;
    }

    String page(Meeting meeting) {
        return url("/meetings/" + meeting.id());
    }

    String checkIn(Meeting meeting, Registration registration) {
        return url("/meetings/" + meeting.id() + "/check-in?code=" + registration.code());
    }

    /** "12 rue X, Orléans (45000)" in person, empty online (the link is given only to registered people). */
    String place(Meeting meeting) {
        if (!meeting.format().hasPlace()) {
            return "";
        }
        String commune = meeting.communeId() == null ? null
                : territories.find(meeting.communeId()).map(TerritoryView::label).orElse(null);
        String address = meeting.address() == null ? "" : meeting.address();
        return commune == null ? address : address.isBlank() ? commune : address + ", " + commune;
    }

    String territoryName(long territoryId) {
        return territories.find(territoryId).map(TerritoryView::name).orElse("");
    }

    byte[] calendar(String name, List<Meeting> meetings) {
        String host = URI.create(baseUrl).getHost();
        List<MeetingCalendar.Entry> entries = meetings.stream()
                .map(meeting -> new MeetingCalendar.Entry(meeting, place(meeting), page(meeting))).toList();
        return MeetingCalendar.write(name, entries, host == null ? "agora" : host, clock.instant())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
