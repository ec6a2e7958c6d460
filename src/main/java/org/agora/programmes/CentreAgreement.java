package org.agora.programmes;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A three-year agreement between the authority and a centre, with its yearly grant in euro cents. */
@Entity
@Table(name = "centre_agreement")
class CentreAgreement {

    static final int YEARS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long centreId;
    private int startYear;
    private int endYear;
    private long yearlyGrantCents;
    private Instant createdAt;

    protected CentreAgreement() {
    }

    CentreAgreement(long centreId, int startYear, long yearlyGrantCents, Instant now) {
        this.centreId = centreId;
        this.startYear = startYear;
        this.endYear = startYear + YEARS - 1;
        this.yearlyGrantCents = yearlyGrantCents;
        this.createdAt = now;
    }

    boolean covers(int year) {
        return startYear <= year && year <= endYear;
    }

    boolean overlaps(int otherStart) {
        return otherStart <= endYear && startYear <= otherStart + YEARS - 1;
    }

    Long id() {
        return id;
    }

    long centreId() {
        return centreId;
    }

    int startYear() {
        return startYear;
    }

    int endYear() {
        return endYear;
    }

    long yearlyGrantCents() {
        return yearlyGrantCents;
    }
}
