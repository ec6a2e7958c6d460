package org.agora.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.meetings.AttendanceCatalog;
import org.agora.meetings.MeetingCounts;
import org.agora.meetings.MeetingFigures;
import org.agora.meetings.MeetingSatisfaction;
import org.agora.processes.ProcessId;
import org.agora.organisations.OrganisationKind;
import org.agora.shared.Clocks;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Meetings held with their attendance and satisfaction, and the distinct organisations met at them, in all and per
 * kind.
 */
@Component
@Order(10)
class MeetingFigureProvider implements FigureProvider {

    private final MeetingCounts meetings;
    private final AttendanceCatalog attendance;

    MeetingFigureProvider(MeetingCounts meetings, AttendanceCatalog attendance) {
        this.meetings = meetings;
        this.attendance = attendance;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
        MeetingCounts.Scope where = of(scope, period);
        MeetingFigures present = scope.isProcess() ? attendance.figuresOfProcess(new ProcessId(scope.processId()))
                : scope.isTerritory() ? attendance.figuresOfTerritory(scope.territoryId()) : attendance.figuresEverywhere();
        MeetingSatisfaction satisfied = scope.isProcess()
                ? attendance.satisfactionOfProcess(new ProcessId(scope.processId()))
                : scope.isTerritory() ? attendance.satisfactionOfTerritory(scope.territoryId())
                : attendance.satisfactionEverywhere();
        List<FigureBlock.Figure> figures = new ArrayList<>(List.of(
                FigureBlock.Figure.tableOnly("statistics.meetings.held", meetings.held(where)),
                FigureBlock.Figure.of("statistics.meetings.registered", present.registered()),
                FigureBlock.Figure.of("statistics.meetings.presentRegistered", present.presentRegistered()),
                FigureBlock.Figure.of("statistics.meetings.walkIns", present.walkIns()),
                FigureBlock.Figure.of("statistics.meetings.presentTotal", present.presentTotal())));
        if (present.ratePercent() != null) {
            figures.add(FigureBlock.Figure.tableOnly("statistics.meetings.rate", present.ratePercent()));
        }
        figures.add(FigureBlock.Figure.tableOnly("statistics.meetings.surveyAnswers", satisfied.answers()));
        if (satisfied.verySatisfiedShare() != null) {
            figures.add(FigureBlock.Figure.tableOnly("statistics.meetings.verySatisfied",
                    Math.round(satisfied.verySatisfiedShare() * 100)));
        }
        return Optional.of(new FigureBlock("meetings", figures));
    }

    static MeetingCounts.Scope of(FigureScope scope, FigurePeriod period) {
        MeetingCounts.Scope where = scope.isProcess() ? MeetingCounts.Scope.process(scope.processId())
                : scope.isTerritory() ? MeetingCounts.Scope.territory(scope.territoryId()) : MeetingCounts.Scope.everywhere();
        return period.isAllTime() ? where : where.between(period.from().atStartOfDay(Clocks.PARIS).toInstant(),
                period.to().plusDays(1).atStartOfDay(Clocks.PARIS).toInstant());
    }

    /** The organisations met, a block of its own. */
    @Component
    @Order(30)
    static class Organisations implements FigureProvider {

        private final MeetingCounts meetings;

        Organisations(MeetingCounts meetings) {
            this.meetings = meetings;
        }

        @Override
        public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
            MeetingCounts.Scope where = of(scope, period);
            MeetingCounts.OrganisationsMet met = meetings.organisationsMet(where);
            List<FigureBlock.Figure> figures = new ArrayList<>();
            figures.add(FigureBlock.Figure.tableOnly("statistics.organisations.distinct", met.distinct()));
            for (Map.Entry<OrganisationKind, Long> kind : met.byKind().entrySet()) {
                figures.add(FigureBlock.Figure.of("statistics.organisations.kind." + kind.getKey().name(), kind.getValue()));
            }
            return Optional.of(new FigureBlock("organisations", figures));
        }
    }
}
