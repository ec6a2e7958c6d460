package org.agora.proposals;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Proposals extends JpaRepository<Proposal, Long> {

    Optional<Proposal> findByReference(String reference);

    List<Proposal> findByAuthorIdOrderByCreatedAt(long authorId);

    List<Proposal> findByStatusIn(List<ProposalStatus> statuses);

    List<Proposal> findByMergedIntoOrderByReference(Long mergedInto);

    List<Proposal> findByImportBatchIdOrderById(Long importBatchId);
}
