package org.agora.statistics;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.PublicProcess;
import org.agora.proposals.ProposalCatalog;
import org.agora.territories.TerritoryDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Public proposals collected on paper, written online and imported from another tool's file (a territory counts the proposals concerning it and below). */
@Component
@Order(20)
class ContributionFigureProvider implements FigureProvider {

    private final ProposalCatalog proposals;
    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;

    ContributionFigureProvider(ProposalCatalog proposals, ProcessCatalog processes, TerritoryDirectory territories) {
        this.proposals = proposals;
        this.processes = processes;
        this.territories = territories;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope) {
        List<ProcessId> within = scope.isProcess() ? List.of(new ProcessId(scope.processId()))
                : processes.allPublic().stream().map(PublicProcess::id).toList();
        Set<Long> area = scope.isTerritory() ? territories.selfAndDescendants(scope.territoryId()) : null;
        long paper = 0;
        long online = 0;
        long imported = 0;
        for (ProcessId process : within) {
            for (var entry : proposals.provenanceByTerritory(process).entrySet()) {
                if (area == null || area.contains(entry.getKey())) {
                    paper += entry.getValue().paper();
                    online += entry.getValue().online();
                    imported += entry.getValue().imported();
                }
            }
        }
        return Optional.of(new FigureBlock("contributions", List.of(
                FigureBlock.Figure.of("statistics.contributions.paper", paper),
                FigureBlock.Figure.of("statistics.contributions.online", online),
                FigureBlock.Figure.of("statistics.contributions.imported", imported),
                FigureBlock.Figure.of("statistics.contributions.total", paper + online + imported))));
    }
}
