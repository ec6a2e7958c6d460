package org.agora.programmes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CentreAgreements extends JpaRepository<CentreAgreement, Long> {

    List<CentreAgreement> findByCentreIdOrderByStartYear(long centreId);

    List<CentreAgreement> findByStartYearLessThanEqualAndEndYearGreaterThanEqual(int year, int sameYear);
}
