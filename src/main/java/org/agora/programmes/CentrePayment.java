package org.agora.programmes;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One year of an agreement: what is committed, what was paid and on which day. */
@Entity
@Table(name = "centre_payment")
class CentrePayment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long agreementId;

    @Column(name = "payment_year")
    private int year;

    private long committedCents;
    private long paidCents;
    private LocalDate paidOn;

    protected CentrePayment() {
    }

    CentrePayment(long agreementId, int year, long committedCents) {
        this.agreementId = agreementId;
        this.year = year;
        this.committedCents = committedCents;
    }

    /** Records what was paid this year (zero and no date undoes it). */
    void record(long committedCents, long paidCents, LocalDate paidOn) {
        this.committedCents = committedCents;
        this.paidCents = paidCents;
        this.paidOn = paidOn;
    }

    Long id() {
        return id;
    }

    long agreementId() {
        return agreementId;
    }

    int year() {
        return year;
    }

    long committedCents() {
        return committedCents;
    }

    long paidCents() {
        return paidCents;
    }

    LocalDate paidOn() {
        return paidOn;
    }
}
