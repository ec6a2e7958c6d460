package org.agora.proposals;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProposalAttachments extends JpaRepository<ProposalAttachment, Long> {
}
