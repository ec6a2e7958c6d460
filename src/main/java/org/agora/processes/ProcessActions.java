package org.agora.processes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessActions extends JpaRepository<ProcessAction, Long> {

    List<ProcessAction> findByProcessIdOrderByHappenedAtDescIdDesc(long processId);
}
