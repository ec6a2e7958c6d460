package org.agora.programmes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CyberCentres extends JpaRepository<CyberCentre, Long> {

    List<CyberCentre> findAllByOrderByName();

    @Query("select c from CyberCentre c join c.facilitators f where f = :accountId order by c.name")
    List<CyberCentre> runBy(long accountId);
}
