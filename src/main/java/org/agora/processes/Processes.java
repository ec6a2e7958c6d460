package org.agora.processes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Processes extends JpaRepository<ParticipatoryProcess, Long>, JpaSpecificationExecutor<ParticipatoryProcess> {

    Optional<ParticipatoryProcess> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<ParticipatoryProcess> findAllByOrderByCreatedAtDesc();

    List<ParticipatoryProcess> findByStatusInOrderByStartsOnDesc(List<ProcessStatus> statuses);
}
