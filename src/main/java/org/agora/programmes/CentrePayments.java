package org.agora.programmes;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CentrePayments extends JpaRepository<CentrePayment, Long> {

    List<CentrePayment> findByAgreementIdInOrderByYear(Collection<Long> agreementIds);

    /** Per year across the network: year, committed, paid. */
    @Query("select p.year, sum(p.committedCents), sum(p.paidCents) from CentrePayment p group by p.year order by p.year")
    List<Object[]> totalsPerYear();
}
