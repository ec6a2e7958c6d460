package org.agora.statistics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.agora.programmes.ProgrammeCatalog;
import org.agora.programmes.ProgrammeFigures;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The support programmes for the whole instance: calls, applications received and retained, grants committed and
 * paid. Calls are regional, so a process or a territory's figures leave the block out.
 */
@Component
@Order(40)
class ProgrammeFigureProvider implements FigureProvider {

    private final ProgrammeCatalog programmes;

    ProgrammeFigureProvider(ProgrammeCatalog programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
        if (scope.isProcess() || scope.isTerritory()) {
            return Optional.empty();
        }
        ProgrammeFigures figures = programmes.figures();
        if (figures.calls() == 0) {
            return Optional.empty();
        }
        return Optional.of(new FigureBlock("programmes", List.of(
                FigureBlock.Figure.of("statistics.programmes.calls", figures.calls()),
                FigureBlock.Figure.of("statistics.programmes.received", figures.applicationsReceived()),
                FigureBlock.Figure.of("statistics.programmes.retained", figures.retained()),
                euros("statistics.programmes.committed", figures.committedCents()),
                euros("statistics.programmes.paid", figures.paidCents()))));
    }

    /** Whole euros, the unit in the label. */
    private static FigureBlock.Figure euros(String label, long cents) {
        return new FigureBlock.Figure(label, new Object[0],
                BigDecimal.valueOf(cents).movePointLeft(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString(), false);
    }
}
