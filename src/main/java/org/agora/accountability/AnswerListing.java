package org.agora.accountability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.processes.ProcessId;
import org.agora.proposals.ProposalId;
import org.agora.shared.ResultPage;

/**
 * Read-only, paged queries of what the public account holds, for the API and open data: the published answers to
 * proposals and the work programmes of the strategy with their progress. Nothing private (notes, assignees, answers
 * not yet published) leaves through it.
 */
public interface AnswerListing {

    /** A published answer: the destination the proposal went to and the public text. */
    record PublishedAnswer(ProposalId proposal, ProcessId process, String destination, DestinationKind destinationKind,
                           String text, Instant publishedAt) {
    }

    /** A work programme of the strategy, where it stands and how many proposals fed it. */
    record WorkProgramme(String slug, String title, String description, String ambition, String objective,
                         String status, int progress, List<Milestone> milestones, long proposalsFed) {
    }

    record Milestone(String title, LocalDate plannedOn, LocalDate reachedOn) {
    }

    /** The published answer to each of these proposals that has one. */
    Map<ProposalId, PublishedAnswer> answersTo(Collection<ProposalId> proposals);

    /** Published answers, latest first; {@code process} null for every process, {@code since}/{@code until} on publication. */
    ResultPage<PublishedAnswer> answers(ProcessId process, Instant since, Instant until, int offset, int limit);

    ResultPage<WorkProgramme> workProgrammes(int offset, int limit);

    Optional<WorkProgramme> workProgramme(String slug);
}
