package org.agora.meetings;

import java.time.Clock;
import java.util.List;

import org.agora.processes.ProcessId;
import org.agora.territories.TerritoryDirectory;
import org.springframework.stereotype.Service;

/**
 * Read-only attendance and satisfaction figures for other modules (the figures pages, the sitemap). Series, processes
 * and territories add up the meetings held (published and over); a territory includes everything below it.
 */
@Service
public class AttendanceCatalog {

    private final Attendance attendance;
    private final Surveys surveys;
    private final MinutesBook minutes;
    private final TerritoryDirectory territories;
    private final Clock clock;

    AttendanceCatalog(Attendance attendance, Surveys surveys, MinutesBook minutes, TerritoryDirectory territories,
                      Clock clock) {
        this.attendance = attendance;
        this.surveys = surveys;
        this.minutes = minutes;
        this.territories = territories;
        this.clock = clock;
    }

    public MeetingFigures figuresOf(MeetingId meeting) {
        return attendance.figures(MeetingSelection.meeting(meeting.value()));
    }

    /** Every meeting held on the instance. */
    public MeetingFigures figuresEverywhere() {
        return attendance.figures(MeetingSelection.heldEverywhere(clock.instant()));
    }

    public MeetingFigures figuresOfSeries(long seriesId) {
        return attendance.figures(MeetingSelection.heldInSeries(seriesId, clock.instant()));
    }

    public MeetingFigures figuresOfProcess(ProcessId process) {
        return attendance.figures(MeetingSelection.heldInProcess(process.value(), clock.instant()));
    }

    public MeetingFigures figuresOfTerritory(long territoryId) {
        return attendance.figures(inTerritory(territoryId));
    }

    public MeetingSatisfaction satisfactionOf(MeetingId meeting) {
        return surveys.results(MeetingSelection.meeting(meeting.value())).satisfaction();
    }

    /** Every meeting held on the instance. */
    public MeetingSatisfaction satisfactionEverywhere() {
        return surveys.results(MeetingSelection.heldEverywhere(clock.instant())).satisfaction();
    }

    public MeetingSatisfaction satisfactionOfSeries(long seriesId) {
        return surveys.results(MeetingSelection.heldInSeries(seriesId, clock.instant())).satisfaction();
    }

    public MeetingSatisfaction satisfactionOfProcess(ProcessId process) {
        return surveys.results(MeetingSelection.heldInProcess(process.value(), clock.instant())).satisfaction();
    }

    public MeetingSatisfaction satisfactionOfTerritory(long territoryId) {
        return surveys.results(inTerritory(territoryId)).satisfaction();
    }

    /** Paths of the published minutes of public meetings, for the sitemap. */
    public List<String> minutesPaths() {
        return minutes.published().stream().map(id -> "/meetings/" + id + "/compte-rendu").toList();
    }

    private MeetingSelection inTerritory(long territoryId) {
        return MeetingSelection.heldIn(territories.selfAndDescendants(territoryId), clock.instant());
    }
}
