package org.agora.proposals;

import java.time.Duration;
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

import org.agora.moderation.ModerationReason;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A proposal. Its text changes only while it is a draft, or within the edit window after publication and before any
 * answer; withdrawing keeps the text. Counters and the threshold mark are written by SQL in the transactions that
 * change the rows they mirror, so the entity only reads them.
 */
@Entity
@Table(name = "proposal")
@DynamicUpdate
class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id")
    private long processId;

    @Column(name = "author_id")
    private long authorId;

    @Enumerated(EnumType.STRING)
    private ProposalStatus status;

    private String reference;
    private String title;
    private String body;

    @Column(name = "territory_id")
    private long territoryId;

    private String theme;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** Set by accountability when staff answer; from then on the text is frozen. */
    @Column(name = "answered_at", insertable = false, updatable = false)
    private Instant answeredAt;

    @Column(name = "supports_count", insertable = false, updatable = false)
    private int supportsCount;

    @Column(name = "comment_count", insertable = false, updatable = false)
    private int commentCount;

    @Column(name = "threshold_reached_at", insertable = false, updatable = false)
    private Instant thresholdReachedAt;

    /** Set while moderation hides it: the text is kept for review, the public sees the reason's category. */
    @Enumerated(EnumType.STRING)
    @Column(name = "hidden_reason")
    private ModerationReason hiddenReason;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    /** Set by SQL when staff merge it (see ProposalMerging): the proposal it now counts for. */
    @Column(name = "merged_into", insertable = false, updatable = false)
    private Long mergedInto;

    /** Where the text comes from (see {@link Provenance}). */
    @Enumerated(EnumType.STRING)
    private Provenance provenance = Provenance.ONLINE;

    @Column(name = "collected_at_ref")
    private String collectedAtRef;

    @Column(name = "collected_at_label")
    private String collectedAtLabel;

    @Column(name = "collected_at_path")
    private String collectedAtPath;

    @Column(name = "collected_by")
    private Long collectedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    /** Set for a proposal imported by staff (see ContributionImports): written by SQL, only read here. */
    @Column(name = "import_batch_id", insertable = false, updatable = false)
    private Long importBatchId;

    @Column(name = "import_line", insertable = false, updatable = false)
    private Integer importLine;

    @Column(name = "original_date", insertable = false, updatable = false)
    private java.time.LocalDate originalDate;

    @Column(name = "author_label", insertable = false, updatable = false)
    private String authorLabel;

    @Column(name = "author_label_public", insertable = false, updatable = false)
    private boolean authorLabelPublic;

    @Column(name = "source_url", insertable = false, updatable = false)
    private String sourceUrl;

    @Version
    private long version;

    protected Proposal() {
    }

    Proposal(long processId, long authorId, Content content, Instant now) {
        this.processId = processId;
        this.authorId = authorId;
        this.status = ProposalStatus.DRAFT;
        this.createdAt = now;
        write(content);
    }

    /**
     * A proposal collected on paper, typed in by a facilitator: until the participant claims it, the facilitator is
     * recorded as its author, and pages show the collection instead.
     */
    static Proposal collectedOnPaper(long processId, long facilitatorId, Content content, PaperContributions.Collection where,
                                     Instant now) {
        Proposal proposal = new Proposal(processId, facilitatorId, content, now);
        proposal.provenance = Provenance.PAPER;
        proposal.collectedAtRef = where.where() == null ? null : where.where().toString();
        proposal.collectedAtLabel = where.label();
        proposal.collectedAtPath = where.path();
        proposal.collectedBy = facilitatorId;
        proposal.recordedAt = now;
        return proposal;
    }

    /** The participant who gave it on paper takes it into their account; the collection stays recorded. */
    void claim(long accountId, Instant now) {
        if (!awaitsClaim()) {
            throw new IllegalStateException("Only an unclaimed paper proposal is claimed");
        }
        authorId = accountId;
        claimedAt = now;
    }

    /** Collected on paper and not yet claimed: its public author is the collection, not the recording facilitator. */
    boolean awaitsClaim() {
        return provenance == Provenance.PAPER && claimedAt == null;
    }

    void reviseDraft(Content content) {
        if (status != ProposalStatus.DRAFT) {
            throw new IllegalStateException("Only a draft is revised before publication");
        }
        write(content);
    }

    void publish(String reference, Instant now) {
        if (status != ProposalStatus.DRAFT) {
            throw new IllegalStateException("Only a draft is published");
        }
        this.reference = reference;
        this.status = ProposalStatus.PUBLISHED;
        this.publishedAt = now;
    }

    /** Whether the author may still change the published text at {@code now}. */
    boolean editableAt(Instant now, Duration window) {
        return status == ProposalStatus.PUBLISHED && answeredAt == null && publishedAt != null
                && now.isBefore(publishedAt.plus(window));
    }

    void edit(Content content, Instant now, Duration window) {
        if (!editableAt(now, window)) {
            throw new IllegalStateException("The edit window is over or the proposal was answered");
        }
        write(content);
        editedAt = now;
    }

    void withdraw(Instant now) {
        if (status != ProposalStatus.PUBLISHED) {
            throw new IllegalStateException("Only a published proposal is withdrawn");
        }
        status = ProposalStatus.WITHDRAWN;
        withdrawnAt = now;
    }

    /** Moderation hides it; hiding a hidden proposal changes nothing. A withdrawn proposal can be hidden too. */
    void hide(ModerationReason reason, Instant now) {
        if (!isPublic()) {
            throw new IllegalStateException("A draft is not moderated");
        }
        if (hiddenReason == null) {
            hiddenReason = reason;
            hiddenAt = now;
        }
    }

    void restore() {
        hiddenReason = null;
        hiddenAt = null;
    }

    boolean isHidden() {
        return hiddenReason != null;
    }

    private void write(Content content) {
        this.title = content.title();
        this.body = content.body();
        this.territoryId = content.territoryId();
        this.theme = content.theme();
    }

    /** An imported proposal has no author here: the staff member recorded as author_id only imported it. */
    boolean isAuthoredBy(long accountId) {
        return provenance != Provenance.IMPORTED && authorId == accountId;
    }

    boolean isPublic() {
        return status != ProposalStatus.DRAFT;
    }

    /** In the public lists, the sitemap and search: published or withdrawn, not a draft nor merged into another. */
    boolean isListed() {
        return status == ProposalStatus.PUBLISHED || status == ProposalStatus.WITHDRAWN;
    }

    boolean isMerged() {
        return status == ProposalStatus.MERGED;
    }

    ProposalId proposalId() {
        return new ProposalId(id);
    }

    Long id() { return id; }
    long processId() { return processId; }
    long authorId() { return authorId; }
    ProposalStatus status() { return status; }
    String reference() { return reference; }
    String title() { return title; }
    String body() { return body; }
    long territoryId() { return territoryId; }
    String theme() { return theme; }
    Instant createdAt() { return createdAt; }
    Instant publishedAt() { return publishedAt; }
    Instant editedAt() { return editedAt; }
    Instant withdrawnAt() { return withdrawnAt; }
    Instant answeredAt() { return answeredAt; }
    int supportsCount() { return supportsCount; }
    int commentCount() { return commentCount; }
    Instant thresholdReachedAt() { return thresholdReachedAt; }
    ModerationReason hiddenReason() { return hiddenReason; }
    Instant hiddenAt() { return hiddenAt; }
    Long mergedInto() { return mergedInto; }
    Provenance provenance() { return provenance; }
    String collectedAtLabel() { return collectedAtLabel; }
    String collectedAtPath() { return collectedAtPath; }
    Long collectedBy() { return collectedBy; }
    Instant claimedAt() { return claimedAt; }
    Long importBatchId() { return importBatchId; }
    Integer importLine() { return importLine; }
    java.time.LocalDate originalDate() { return originalDate; }
    String authorLabel() { return authorLabel; }
    boolean authorLabelPublic() { return authorLabelPublic; }
    String sourceUrl() { return sourceUrl; }

    /** ONLINE: written here by its author; PAPER: typed in by a facilitator; IMPORTED: imported by staff from a file. */
    enum Provenance { ONLINE, PAPER, IMPORTED }

    /** What the author writes, already checked: stripped text, a territory within the scope, a theme of the process. */
    record Content(String title, String body, long territoryId, String theme) {

        Content {
            if (title == null || title.length() < 10 || title.length() > 150) {
                throw new IllegalArgumentException("A title has 10 to 150 characters");
            }
            if (body == null || body.length() < 15 || body.length() > 5000) {
                throw new IllegalArgumentException("A body has 15 to 5000 characters");
            }
        }
    }
}
