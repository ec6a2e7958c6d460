package org.agora.accountability;

import java.time.ZonedDateTime;
import java.util.List;

import org.agora.proposals.ProposalId;

import org.agora.shared.Clocks;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read by the fragment accountability/answer, which the proposal page includes: proposals cannot ask accountability
 * (it sits above them), so the page's template asks this bean ({@code @proposalAnswers}). Before publication only
 * « en cours d'examen » is public: no destination, no text, no note, nothing of what it fed.
 */
@Component("proposalAnswers")
@Transactional(readOnly = true)
class ProposalAnswers {

    private final Evaluations evaluations;
    private final Destinations destinations;
    private final ContributionCatalog contributions;

    ProposalAnswers(Evaluations evaluations, Destinations destinations, ContributionCatalog contributions) {
        this.evaluations = evaluations;
        this.destinations = destinations;
        this.contributions = contributions;
    }

    /** Null when nobody has taken the proposal up yet. */
    public PublicAnswer of(long proposalId) {
        return evaluations.findByProposalId(proposalId).map(evaluation -> {
            ZonedDateTime underReview = evaluation.getAssignedAt().atZone(Clocks.PARIS);
            if (evaluation.getState() != EvaluationState.PUBLISHED) {
                return new PublicAnswer(underReview, null, null, null, null, null, List.of());
            }
            Destination destination = destinations.findById(evaluation.getDestinationId()).orElseThrow();
            return new PublicAnswer(underReview, evaluation.getPublishedAt().atZone(Clocks.PARIS),
                    destination.getIcon().symbol(), destination.label(LocaleContextHolder.getLocale().getLanguage()),
                    evaluation.getAnswerText(), evaluation.getReason(),
                    contributions.fedBy(new ProposalId(evaluation.getProposalId())));
        }).orElse(null);
    }

    public record PublicAnswer(ZonedDateTime underReviewSince, ZonedDateTime answeredAt, String icon,
                               String destination, String text, String reason, List<Contribution> fed) {

        public boolean answered() {
            return answeredAt != null;
        }
    }
}
