package org.agora.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.agora.library.LibraryCatalog;
import org.agora.library.LibraryItem;
import org.agora.meetings.MeetingCatalog;
import org.agora.proposals.ProposalCatalog;
import org.agora.shared.Excerpts;
import org.springframework.stereotype.Component;

/**
 * What an edition could present, from the platform's read-only catalogues: the initiatives and resources the library
 * published during the last month, the coming public meetings (what readers can still attend) and the proposals
 * answered during the last month.
 */
@Component
class EditionSuggestions {

    static final Duration WINDOW = Duration.ofDays(31);
    private static final int PER_KIND = 8;

    private final MeetingCatalog meetings;
    private final ProposalCatalog proposals;
    private final AnsweredProposals answered;
    private final LibraryCatalog library;

    EditionSuggestions(MeetingCatalog meetings, ProposalCatalog proposals, AnsweredProposals answered,
                       LibraryCatalog library) {
        this.library = library;
        this.meetings = meetings;
        this.proposals = proposals;
        this.answered = answered;
    }

    List<EditionBlock> suggestions(Instant now) {
        List<EditionBlock> blocks = new ArrayList<>();
        for (LibraryItem item : library.recentlyPublished(now.minus(WINDOW), 2 * PER_KIND)) {
            blocks.add(new EditionBlock(LibraryItem.RESOURCE.equals(item.kind()) ? BlockKind.RESOURCE : BlockKind.INITIATIVE,
                    item.title(), item.summary(), item.path()));
        }
        meetings.upcoming(PER_KIND).stream().filter(meeting -> !meeting.cancelled())
                .forEach(meeting -> blocks.add(new EditionBlock(BlockKind.MEETING, meeting.title(), null, meeting.path())));
        answered.since(now.minus(WINDOW), PER_KIND).stream()
                .flatMap(id -> proposals.findPublic(id).stream())
                .filter(proposal -> !proposal.hidden() && !proposal.withdrawn())
                .forEach(proposal -> blocks.add(new EditionBlock(BlockKind.PROPOSAL, proposal.title(),
                        Excerpts.of(proposal.body(), 200), proposal.path())));
        return blocks;
    }
}
