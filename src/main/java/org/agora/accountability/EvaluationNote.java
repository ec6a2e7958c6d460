package org.agora.accountability;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A private note of an evaluator; never shown publicly, never changed. */
@Entity
@Table(name = "evaluation_note")
class EvaluationNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "evaluation_id")
    private long evaluationId;

    @Column(name = "author_id")
    private long authorId;

    private String text;

    @Column(name = "created_at")
    private Instant createdAt;

    protected EvaluationNote() {
    }

    EvaluationNote(long evaluationId, long authorId, String text, Instant now) {
        this.evaluationId = evaluationId;
        this.authorId = authorId;
        this.text = text;
        this.createdAt = now;
    }

    public long getAuthorId() { return authorId; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
