package org.agora.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.meetings.MeetingFigures;
import org.agora.organisations.OrganisationKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Meetings held, and the distinct organisations met at them, in all and per kind. */
@Component
@Order(10)
class MeetingFigureProvider implements FigureProvider {

    private final MeetingFigures meetings;

    MeetingFigureProvider(MeetingFigures meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope) {
        MeetingFigures.Scope where = of(scope);
        return Optional.of(new FigureBlock("meetings", List.of(
                FigureBlock.Figure.of("statistics.meetings.held", meetings.held(where)))));
    }

    static MeetingFigures.Scope of(FigureScope scope) {
        if (scope.isProcess()) {
            return MeetingFigures.Scope.process(scope.processId());
        }
        return scope.isTerritory() ? MeetingFigures.Scope.territory(scope.territoryId()) : MeetingFigures.Scope.everywhere();
    }

    /** The organisations met, a block of its own. */
    @Component
    @Order(30)
    static class Organisations implements FigureProvider {

        private final MeetingFigures meetings;

        Organisations(MeetingFigures meetings) {
            this.meetings = meetings;
        }

        @Override
        public Optional<FigureBlock> block(FigureScope scope) {
            MeetingFigures.Scope where = of(scope);
            MeetingFigures.OrganisationsMet met = meetings.organisationsMet(where);
            List<FigureBlock.Figure> figures = new ArrayList<>();
            figures.add(FigureBlock.Figure.of("statistics.organisations.distinct", met.distinct()));
            for (Map.Entry<OrganisationKind, Long> kind : met.byKind().entrySet()) {
                figures.add(FigureBlock.Figure.of("statistics.organisations.kind." + kind.getKey().name(), kind.getValue()));
            }
            return Optional.of(new FigureBlock("organisations", figures));
        }
    }
}
