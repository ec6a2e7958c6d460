package org.agora.accountability;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Destinations extends JpaRepository<Destination, Long> {

    List<Destination> findByProcessIdOrderByPosition(long processId);

    boolean existsByProcessId(long processId);
}
