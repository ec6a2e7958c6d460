package org.agora.proposals;

import java.time.Clock;
import java.util.Optional;

import org.agora.accounts.AccountId;
import org.agora.moderation.ModeratedContent;
import org.agora.moderation.ModerationReason;
import org.agora.moderation.ModerationTarget;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.shared.ResourceRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Public proposals (published or withdrawn) as moderation sees them; hiding keeps the text and the status. */
@Component
class ProposalModeration implements ModerationTarget {

    private final Proposals proposals;
    private final ProcessRules processes;
    private final Clock clock;

    ProposalModeration(Proposals proposals, ProcessRules processes, Clock clock) {
        this.proposals = proposals;
        this.processes = processes;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ProposalComments.TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ModeratedContent> find(long id) {
        return proposals.findById(id).filter(Proposal::isPublic)
                .flatMap(proposal -> processes.byId(new ProcessId(proposal.processId())).map(process -> new ModeratedContent(
                        new ResourceRef(ProposalComments.TYPE, id), new AccountId(proposal.authorId()),
                        proposal.processId(), proposal.title() + " — " + ProposalBrowser.excerpt(proposal.body()),
                        "/processes/" + process.slug() + "/proposals/" + proposal.reference(), proposal.isHidden())));
    }

    @Override
    @Transactional
    public void hide(long id, ModerationReason reason) {
        publicProposal(id).hide(reason, clock.instant());
    }

    @Override
    @Transactional
    public void restore(long id) {
        publicProposal(id).restore();
    }

    private Proposal publicProposal(long id) {
        return proposals.findById(id).filter(Proposal::isPublic).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
