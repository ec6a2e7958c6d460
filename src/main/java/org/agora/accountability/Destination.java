package org.agora.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a proposal of a process may go once answered. */
@Entity
@Table(name = "destination")
class Destination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id")
    private long processId;

    private int position;

    @Column(name = "label_fr")
    private String labelFr;

    @Column(name = "label_en")
    private String labelEn;

    private String description;

    @Enumerated(EnumType.STRING)
    private DestinationIcon icon;

    @Enumerated(EnumType.STRING)
    private DestinationKind kind;

    @Column(name = "reason_required")
    private boolean reasonRequired;

    protected Destination() {
    }

    Destination(long processId, int position, DestinationForm.Checked content) {
        this.processId = processId;
        this.position = position;
        change(content);
    }

    void change(DestinationForm.Checked content) {
        labelFr = content.labelFr();
        labelEn = content.labelEn();
        description = content.description();
        icon = content.icon();
        kind = content.kind();
        reasonRequired = content.reasonRequired();
    }

    void moveTo(int position) {
        this.position = position;
    }

    /** The label in this language (French when there is no English one). */
    public String label(String language) {
        return "en".equals(language) && labelEn != null ? labelEn : labelFr;
    }

    public Long getId() { return id; }
    public long getProcessId() { return processId; }
    public int getPosition() { return position; }
    public String getLabelFr() { return labelFr; }
    public String getLabelEn() { return labelEn; }
    public String getDescription() { return description; }
    public DestinationIcon getIcon() { return icon; }
    public DestinationKind getKind() { return kind; }
    public boolean isReasonRequired() { return reasonRequired; }
}
