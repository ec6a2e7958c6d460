package org.agora.meetings;

import org.agora.shared.PublicPages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only view of public meetings for other modules (site, search, later attendance and minutes). */
public interface MeetingCatalog extends PublicPages {

    /** What another module may show of a public meeting. */
    record PublicMeeting(MeetingId id, String title, String kind, Instant startsAt, Instant endsAt, Long processId,
                         long territoryId, boolean cancelled, String path) {
    }

    /** Paths of every public meeting page and series page, for the sitemap. */
    List<String> publicPaths();

    /** A published or cancelled meeting that is not by invitation; empty otherwise. */
    Optional<PublicMeeting> findPublic(MeetingId id);

    /** The next public meetings, soonest first. */
    List<PublicMeeting> upcoming(int limit);
}
