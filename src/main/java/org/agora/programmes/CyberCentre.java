package org.agora.programmes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A cyber-centre of the network: where it is, whom to contact, when it opens, and the accounts that run it. */
@Entity
@Table(name = "cyber_centre")
class CyberCentre {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String address;
    private long communeId;
    private Long departementId;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private String hoursMonday;
    private String hoursTuesday;
    private String hoursWednesday;
    private String hoursThursday;
    private String hoursFriday;
    private String hoursSaturday;
    private String hoursSunday;
    private BigDecimal latitude;
    private BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    private CentreStatus status;

    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cyber_centre_facilitator", joinColumns = @JoinColumn(name = "centre_id"))
    @Column(name = "account_id")
    private Set<Long> facilitators = new LinkedHashSet<>();

    protected CyberCentre() {
    }

    CyberCentre(CentreForm.Checked checked, Instant now) {
        change(checked, now);
        this.createdAt = now;
    }

    void change(CentreForm.Checked checked, Instant now) {
        this.name = checked.name();
        this.address = checked.address();
        this.communeId = checked.communeId();
        this.departementId = checked.departementId();
        this.contactName = checked.contactName();
        this.contactEmail = checked.contactEmail();
        this.contactPhone = checked.contactPhone();
        List<String> hours = checked.hours();
        this.hoursMonday = hours.get(0);
        this.hoursTuesday = hours.get(1);
        this.hoursWednesday = hours.get(2);
        this.hoursThursday = hours.get(3);
        this.hoursFriday = hours.get(4);
        this.hoursSaturday = hours.get(5);
        this.hoursSunday = hours.get(6);
        this.latitude = checked.latitude();
        this.longitude = checked.longitude();
        this.status = checked.status();
        this.updatedAt = now;
    }

    /** @return false when the account already ran the centre */
    boolean addFacilitator(long accountId) {
        return facilitators.add(accountId);
    }

    boolean removeFacilitator(long accountId) {
        return facilitators.remove(accountId);
    }

    boolean isRunBy(long accountId) {
        return facilitators.contains(accountId);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String address() {
        return address;
    }

    long communeId() {
        return communeId;
    }

    Long departementId() {
        return departementId;
    }

    String contactName() {
        return contactName;
    }

    String contactEmail() {
        return contactEmail;
    }

    String contactPhone() {
        return contactPhone;
    }

    /** Monday first, one entry per weekday, empty when closed. */
    List<String> hours() {
        return List.of(hoursMonday, hoursTuesday, hoursWednesday, hoursThursday, hoursFriday, hoursSaturday, hoursSunday);
    }

    BigDecimal latitude() {
        return latitude;
    }

    BigDecimal longitude() {
        return longitude;
    }

    boolean located() {
        return latitude != null && longitude != null;
    }

    CentreStatus status() {
        return status;
    }

    boolean active() {
        return status == CentreStatus.ACTIVE;
    }

    Set<Long> facilitators() {
        return Set.copyOf(facilitators);
    }
}
