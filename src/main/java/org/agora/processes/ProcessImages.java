package org.agora.processes;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessImages extends JpaRepository<ProcessImage, Long> {
}
