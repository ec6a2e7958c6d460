package org.agora.statistics;

import java.util.List;
import java.util.Optional;

import org.agora.newsletter.NewsletterFigures;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The newsletter's editions and subscribers; instance-wide only (a subscriber may follow every territory). */
@Component
@Order(40)
class NewsletterFigureProvider implements FigureProvider {

    private final NewsletterFigures newsletter;

    NewsletterFigureProvider(NewsletterFigures newsletter) {
        this.newsletter = newsletter;
    }

    @Override
    public Optional<FigureBlock> block(FigureScope scope, FigurePeriod period) {
        if (scope.isProcess() || scope.isTerritory()) {
            return Optional.empty();
        }
        return Optional.of(new FigureBlock("newsletter", List.of(
                FigureBlock.Figure.of("statistics.newsletter.editions", newsletter.editionsSent()),
                FigureBlock.Figure.of("statistics.newsletter.subscribers", newsletter.confirmedSubscribers()),
                FigureBlock.Figure.of("statistics.newsletter.unsubscriptions", newsletter.unsubscriptions()))));
    }
}
