package org.agora.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.agora.processes.ProcessCatalog;
import org.agora.processes.PublicProcess;
import org.agora.shared.Clocks;
import org.agora.shared.OpenDataset;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Component;

/**
 * The figures as open data: one row per scope (the instance, each public process, each region, département and
 * living area), period preset, block and figure, the same figures the pages show. Counts only, no personal data.
 */
@Component
class FiguresDataset implements OpenDataset {

    private final Figures figures;
    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;
    private final Clock clock;

    FiguresDataset(Figures figures, ProcessCatalog processes, TerritoryDirectory territories, Clock clock) {
        this.figures = figures;
        this.processes = processes;
        this.territories = territories;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "figures";
    }

    @Override
    public String titleKey() {
        return "statistics.dataset.figures";
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column("scope", Type.STRING, "statistics.dataset.figures.scope"),
                new Column("period", Type.STRING, "statistics.dataset.figures.period"),
                new Column("block", Type.STRING, "statistics.dataset.figures.block"),
                new Column("figure", Type.STRING, "statistics.dataset.figures.figure"),
                new Column("value", Type.INTEGER, "statistics.dataset.figures.value"));
    }

    @Override
    public void forEachRow(Consumer<Object[]> row) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Clocks.PARIS);
        List<Scoped> scopes = new ArrayList<>();
        scopes.add(new Scoped("instance", FigureScope.instance()));
        for (PublicProcess process : processes.allPublic()) {
            scopes.add(new Scoped("process:" + process.id().value(),
                    new FigureScope(process.id().value(), process.slug(), process.title(), null, null)));
        }
        for (TerritoryView territory : territories.scopes()) {
            scopes.add(new Scoped("territory:" + territory.id(), new FigureScope(null, null, null, territory.id(), territory.name())));
        }
        for (Scoped scoped : scopes) {
            for (String preset : List.of("all", "30d", "year")) {
                FigurePeriod period = FigurePeriod.parse(preset, null, null, today);
                for (FigureBlock block : figures.blocks(scoped.scope(), period)) {
                    for (FigureBlock.Figure figure : block.figures()) {
                        row.accept(new Object[] {scoped.key(), preset, block.key(), key(figure), figure.number()});
                    }
                }
            }
        }
    }

    /** The figure's message key without the module prefix; a month of the timeline gets its month ("timeline.month.2026-03"). */
    static String key(FigureBlock.Figure figure) {
        String key = figure.label().replaceFirst("^statistics\\.", "");
        if (figure.arguments().length == 1 && figure.arguments()[0] instanceof java.sql.Date day) {
            return key + "." + YearMonth.from(day.toLocalDate());
        }
        return key;
    }

    private record Scoped(String key, FigureScope scope) {
    }
}
