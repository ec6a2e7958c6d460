package org.agora.programmes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CentreReports extends JpaRepository<CentreReport, Long> {

    Optional<CentreReport> findByCentreIdAndYear(long centreId, int year);

    List<CentreReport> findByYear(int year);

    List<CentreReport> findByCentreIdOrderByYearDesc(long centreId);

    @Query("select max(r.year) from CentreReport r where r.status = org.agora.programmes.CentreReport.Status.SUBMITTED")
    Integer latestSubmittedYear();
}
