package org.agora.accountability;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerTemplates extends JpaRepository<AnswerTemplate, Long> {

    List<AnswerTemplate> findByProcessIdOrderByName(long processId);

    boolean existsByProcessIdAndName(long processId, String name);
}
