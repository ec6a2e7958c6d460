package org.agora.statistics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Every block of figures of a scope and period, in the providers' order, the contributions' timeline after them. */
@Component
class Figures {

    private final List<FigureProvider> providers;
    private final ContributionFigureProvider contributions;

    Figures(List<FigureProvider> providers, ContributionFigureProvider contributions) {
        this.providers = providers;
        this.contributions = contributions;
    }

    List<FigureBlock> blocks(FigureScope scope, FigurePeriod period) {
        List<FigureBlock> blocks = new ArrayList<>();
        for (FigureProvider provider : providers) {
            provider.block(scope, period).ifPresent(blocks::add);
            if (provider == contributions) {
                FigureBlock timeline = contributions.timeline(scope, period);
                if (!timeline.figures().isEmpty()) {
                    blocks.add(timeline);
                }
            }
        }
        return blocks;
    }
}
