package org.agora.accountability;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The evaluation of one proposal: assigned, answer proposed, validated, published. A published answer is final. */
@Entity
@Table(name = "evaluation")
class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id")
    private long proposalId;

    @Column(name = "process_id")
    private long processId;

    @Enumerated(EnumType.STRING)
    private EvaluationState state;

    @Column(name = "assignee_id")
    private long assigneeId;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "destination_id")
    private Long destinationId;

    @Column(name = "answer_text")
    private String answerText;

    private String reason;

    @Column(name = "proposed_by")
    private Long proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "validated_by")
    private Long validatedBy;

    @Column(name = "validated_at")
    private Instant validatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_kind")
    private ContributionKind linkKind;

    @Column(name = "link_target")
    private Long linkTarget;

    @Column(name = "link_recipient")
    private String linkRecipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_level")
    private TransmissionLevel linkLevel;

    @Column(name = "link_sent_on")
    private java.time.LocalDate linkSentOn;

    @Version
    private long version;

    protected Evaluation() {
    }

    Evaluation(long proposalId, long processId, long assigneeId, Instant now) {
        this.proposalId = proposalId;
        this.processId = processId;
        this.assigneeId = assigneeId;
        this.assignedAt = now;
        this.state = EvaluationState.ASSIGNED;
    }

    void assignTo(long assigneeId, Instant now) {
        requireOpen();
        this.assigneeId = assigneeId;
        this.assignedAt = now;
    }

    /** A new proposed answer replaces the previous one and needs validating again. */
    void propose(long destinationId, String answerText, String reason, long by, Instant now) {
        propose(destinationId, answerText, reason, null, null, null, by, now);
    }

    /**
     * Proposes the answer with what the proposal fed ({@code linkKind} and {@code linkTarget} both null for nothing), or
     * with a transmission to create on publication ({@code linkKind} TRANSMISSION, {@code newTransmission} given).
     */
    void propose(long destinationId, String answerText, String reason, ContributionKind linkKind, Long linkTarget,
                 Transmissions.Draft newTransmission, long by, Instant now) {
        requireOpen();
        this.linkKind = linkKind;
        this.linkTarget = linkTarget;
        this.linkRecipient = newTransmission == null ? null : newTransmission.recipient();
        this.linkLevel = newTransmission == null ? null : newTransmission.level();
        this.linkSentOn = newTransmission == null ? null : newTransmission.sentOn();
        this.destinationId = destinationId;
        this.answerText = answerText;
        this.reason = reason;
        this.proposedBy = by;
        this.proposedAt = now;
        this.validatedBy = null;
        this.validatedAt = null;
        this.state = EvaluationState.PROPOSED;
    }

    void validate(long by, Instant now) {
        if (state != EvaluationState.PROPOSED) {
            throw new IllegalStateException("Only a proposed answer is validated");
        }
        validatedBy = by;
        validatedAt = now;
        state = EvaluationState.VALIDATED;
    }

    void publish(Instant now) {
        if (state != EvaluationState.VALIDATED) {
            throw new IllegalStateException("Only a validated answer is published");
        }
        publishedAt = now;
        state = EvaluationState.PUBLISHED;
    }

    private void requireOpen() {
        if (state == EvaluationState.PUBLISHED) {
            throw new EvaluationRefused("accountability.evaluation.refused.published");
        }
    }

    public Long getId() { return id; }
    public long getProposalId() { return proposalId; }
    public long getProcessId() { return processId; }
    public EvaluationState getState() { return state; }
    public long getAssigneeId() { return assigneeId; }
    public Instant getAssignedAt() { return assignedAt; }
    public Long getDestinationId() { return destinationId; }
    public String getAnswerText() { return answerText; }
    public String getReason() { return reason; }
    public Instant getProposedAt() { return proposedAt; }
    public Instant getValidatedAt() { return validatedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public ContributionKind getLinkKind() { return linkKind; }
    public Long getLinkTarget() { return linkTarget; }

    /** The transmission to create on publication, or null. */
    Transmissions.Draft getNewTransmission() {
        return linkRecipient == null ? null : new Transmissions.Draft(linkRecipient, linkLevel, linkSentOn);
    }
    public long getVersion() { return version; }
}
