package org.agora.proposals;

import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.comments.CommentPosted;
import org.agora.comments.CommentRemoved;
import org.agora.comments.CommentRestored;
import org.agora.comments.CommentTarget;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.ResourceRef;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals as comment targets, and their comment counts: kept by synchronous listeners, in the transaction that
 * posts or removes the comment, so the count shown always equals the comments that count.
 */
@Component
class ProposalComments implements CommentTarget {

    static final String TYPE = "proposal";

    private final Proposals proposals;
    private final ProcessRules processes;
    private final JdbcTemplate jdbc;
    private final ProposalCatalog catalog;

    ProposalComments(Proposals proposals, ProcessRules processes, JdbcTemplate jdbc, ProposalCatalog catalog) {
        this.proposals = proposals;
        this.processes = processes;
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> path(long id) {
        return catalog.findPublic(new ProposalId(id)).map(PublicProposal::path)
                .or(() -> proposals.findById(id).filter(Proposal::isMerged)
                        .flatMap(merged -> processes.byId(new ProcessId(merged.processId())).map(process ->
                                "/processes/" + process.slug() + "/proposals/" + merged.reference() + "?merged")));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> refusal(long id, AgoraUser user) {
        Optional<Proposal> proposal = proposals.findById(id).filter(Proposal::isPublic);
        Optional<ProcessSettings> process = proposal.flatMap(found -> processes.byId(new ProcessId(found.processId())));
        if (proposal.isEmpty() || process.isEmpty()) {
            return Optional.of("proposals.comment.unknown");
        }
        if (!process.get().uses(ProcessFeature.COMMENTS)) {
            return Optional.of("proposals.comment.off");
        }
        if (process.get().closed()) {
            return Optional.of("proposals.comment.closed");
        }
        if (proposal.get().status() == ProposalStatus.WITHDRAWN) {
            return Optional.of("proposals.comment.withdrawn");
        }
        if (proposal.get().isMerged()) {
            return Optional.of("proposals.comment.merged");
        }
        if (proposal.get().isHidden()) {
            return Optional.of("proposals.comment.hidden");
        }
        if (user == null) {
            return Optional.of("proposals.comment.signIn");
        }
        return Optional.empty();
    }

    @EventListener
    void on(CommentPosted event) {
        count(event.resource(), "comment_count + 1");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> processId(long id) {
        return proposals.findById(id).map(Proposal::processId);
    }

    @EventListener
    void on(CommentRestored event) {
        count(event.resource(), "comment_count + 1");
    }

    @EventListener
    void on(CommentRemoved event) {
        count(event.resource(), "CASE WHEN comment_count > 0 THEN comment_count - 1 ELSE 0 END");
    }

    private void count(ResourceRef resource, String newValue) {
        if (TYPE.equals(resource.type())) {
            jdbc.update("UPDATE proposal SET comment_count = " + newValue + " WHERE id = ?", resource.id());
        }
    }
}
