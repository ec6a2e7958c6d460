package org.agora.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agora.programmes.CentreFigures;
import org.agora.programmes.CyberCentreCatalog;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The cyber-centre network: centres in it, people accompanied and sessions held according to their submitted yearly
 * reports. Centres belong to no process: nothing for a process; a territory counts the centres located in it.
 */
@Component
@Order(40)
class CyberCentreFigureProvider implements FigureProvider {

    private final CyberCentreCatalog centres;

    CyberCentreFigureProvider(CyberCentreCatalog centres) {
        this.centres = centres;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
        if (scope.isProcess()) {
            return Optional.empty();
        }
        CentreFigures figures = centres.figures(scope.territoryId());
        List<FigureBlock.Figure> list = new ArrayList<>(List.of(
                FigureBlock.Figure.of("statistics.centres.centres", figures.centres()),
                FigureBlock.Figure.of("statistics.centres.people", figures.peopleAccompanied()),
                FigureBlock.Figure.of("statistics.centres.sessions", figures.sessions())));
        if (!scope.isTerritory()) {
            list.add(FigureBlock.Figure.of("statistics.centres.training", figures.trainingSessions()));
        }
        return Optional.of(new FigureBlock("centres", list));
    }
}
