package org.agora.notifications;

import java.util.List;
import java.util.Optional;

import org.agora.comments.CommentTarget;
import org.agora.moderation.ModeratedContent;
import org.agora.moderation.ModerationTarget;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.ProposalId;
import org.agora.proposals.PublicProposal;
import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Component;

/**
 * The page and title of a resource a notice or a follow points at, asked of the module that owns it through its
 * read-only queries: proposals and processes directly; anything else (comments...) through the moderation and
 * comment SPIs that every module with such content implements.
 */
@Component
class Resources {

    static final String PROPOSAL = "proposal";
    static final String PROCESS = "process";
    private static final int EXCERPT = 80;

    private final ProposalCatalog proposals;
    private final ProcessRules processes;
    private final List<ModerationTarget> moderated;
    private final List<CommentTarget> commentable;

    Resources(ProposalCatalog proposals, ProcessRules processes, List<ModerationTarget> moderated,
              List<CommentTarget> commentable) {
        this.proposals = proposals;
        this.processes = processes;
        this.moderated = moderated;
        this.commentable = commentable;
    }

    /** The resource's page (a path on this site) and a title to show; empty when it is unknown or not public. */
    Optional<Described> describe(ResourceRef resource) {
        return switch (resource.type()) {
            case PROPOSAL -> proposal(resource).map(found -> new Described(found.path(), found.title()));
            case PROCESS -> processes.byId(new ProcessId(resource.id()))
                    .map(process -> new Described("/processes/" + process.slug(), process.title()));
            default -> moderated.stream().filter(target -> target.type().equals(resource.type())).findFirst()
                    .flatMap(target -> target.find(resource.id()))
                    .map(content -> new Described(content.path(), excerpt(content)))
                    .or(() -> commentable.stream().filter(target -> target.type().equals(resource.type())).findFirst()
                            .flatMap(target -> target.path(resource.id())).map(path -> new Described(path, null)));
        };
    }

    Optional<String> referenceOf(ProposalId id) {
        return proposals.referenceOf(id);
    }

    Optional<PublicProposal> proposal(ResourceRef resource) {
        return PROPOSAL.equals(resource.type()) ? proposals.findPublic(new ProposalId(resource.id())) : Optional.empty();
    }

    private static String excerpt(ModeratedContent content) {
        String text = content.excerpt() == null ? "" : content.excerpt().replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? null : text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).strip() + "…";
    }

    record Described(String path, String title) {
    }
}
