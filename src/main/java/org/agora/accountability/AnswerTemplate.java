package org.agora.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An answer text of a process with {pseudonyme}, {titre} and {reference} filled in for each proposal. */
@Entity
@Table(name = "answer_template")
class AnswerTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id")
    private long processId;

    private String name;

    private String text;

    protected AnswerTemplate() {
    }

    AnswerTemplate(long processId, String name, String text) {
        this.processId = processId;
        this.name = name;
        this.text = text;
    }

    String fill(String pseudonym, String title, String reference) {
        return text.replace("{pseudonyme}", pseudonym).replace("{titre}", title).replace("{reference}", reference);
    }

    public Long getId() { return id; }
    public long getProcessId() { return processId; }
    public String getName() { return name; }
    public String getText() { return text; }
}
