package org.agora.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which meetings a figure adds up, as a condition on {@code meeting m} and its parameters. Series, processes and
 * territories count the meetings held: published (not a draft, not cancelled) and over.
 */
record MeetingSelection(String condition, MapSqlParameterSource params) {

    private static final String HELD = "m.status = 'PUBLISHED' AND m.ends_at <= :now AND ";

    static MeetingSelection meeting(long meetingId) {
        return new MeetingSelection("m.id = :id", new MapSqlParameterSource("id", meetingId));
    }

    static MeetingSelection heldEverywhere(Instant now) {
        return held("1 = 1", new MapSqlParameterSource(), now);
    }

    static MeetingSelection heldInSeries(long seriesId, Instant now) {
        return held("m.series_id = :series", new MapSqlParameterSource("series", seriesId), now);
    }

    static MeetingSelection heldInProcess(long processId, Instant now) {
        return held("m.process_id = :process", new MapSqlParameterSource("process", processId), now);
    }

    /** {@code territoryIds}: a territory and everything below it (a département, its living areas and communes). */
    static MeetingSelection heldIn(Set<Long> territoryIds, Instant now) {
        return held("(m.territory_id IN (:territories) OR m.commune_id IN (:territories))", new MapSqlParameterSource(
                "territories", territoryIds.isEmpty() ? List.of(-1L) : new ArrayList<>(territoryIds)), now);
    }

    private static MeetingSelection held(String condition, MapSqlParameterSource params, Instant now) {
        return new MeetingSelection(HELD + condition, params.addValue("now", Meetings.timestamp(now)));
    }
}
