package org.agora.programmes;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A centre's yearly activity report: a draft its facilitators edit until they submit it. */
@Entity
@Table(name = "centre_report")
class CentreReport {

    enum Status { DRAFT, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long centreId;

    @Column(name = "report_year")
    private int year;

    private int peopleAccompanied;
    private int sessions;
    private String themes;
    private String otherTheme;
    private String comments;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    private Long updatedBy;
    private Instant updatedAt;
    private Long submittedBy;
    private Instant submittedAt;

    protected CentreReport() {
    }

    CentreReport(long centreId, int year) {
        this.centreId = centreId;
        this.year = year;
        this.status = Status.DRAFT;
        this.themes = "";
    }

    /** Writes the draft; refused once submitted. */
    void write(CentreReportForm.Checked checked, Long by, Instant now) {
        if (submitted()) {
            throw new IllegalStateException("A submitted report is no longer edited");
        }
        this.peopleAccompanied = checked.peopleAccompanied();
        this.sessions = checked.sessions();
        this.themes = checked.themes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.otherTheme = checked.otherTheme();
        this.comments = checked.comments();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    void submit(Long by, Instant now) {
        this.status = Status.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = now;
    }

    boolean submitted() {
        return status == Status.SUBMITTED;
    }

    Long id() {
        return id;
    }

    long centreId() {
        return centreId;
    }

    int year() {
        return year;
    }

    int peopleAccompanied() {
        return peopleAccompanied;
    }

    int sessions() {
        return sessions;
    }

    Set<CentreTheme> themes() {
        Set<CentreTheme> set = EnumSet.noneOf(CentreTheme.class);
        if (themes != null && !themes.isBlank()) {
            Arrays.stream(themes.split(",")).map(CentreTheme::valueOf).forEach(set::add);
        }
        return set;
    }

    String otherTheme() {
        return otherTheme;
    }

    String comments() {
        return comments;
    }

    Status status() {
        return status;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
