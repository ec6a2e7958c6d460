package org.agora.programmes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingModules extends JpaRepository<TrainingModule, Long> {

    List<TrainingModule> findAllByOrderByPositionAscIdAsc();
}
