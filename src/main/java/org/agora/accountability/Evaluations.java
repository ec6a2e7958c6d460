package org.agora.accountability;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Evaluations extends JpaRepository<Evaluation, Long> {

    Optional<Evaluation> findByProposalId(long proposalId);

    List<Evaluation> findByProcessId(long processId);

    List<Evaluation> findByProcessIdAndState(long processId, EvaluationState state);

    List<Evaluation> findByProposalIdIn(Collection<Long> proposalIds);
}
