package org.agora.accountability;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationNotes extends JpaRepository<EvaluationNote, Long> {

    List<EvaluationNote> findByEvaluationIdOrderByCreatedAtDescIdDesc(long evaluationId);
}
