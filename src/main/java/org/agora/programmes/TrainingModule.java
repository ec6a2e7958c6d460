package org.agora.programmes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of the facilitators' training path. */
@Entity
@Table(name = "training_module")
class TrainingModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String description;
    private int position;
    private int durationMinutes;

    protected TrainingModule() {
    }

    TrainingModule(String title, String description, int position, int durationMinutes) {
        this.title = title;
        this.description = description;
        this.position = position;
        this.durationMinutes = durationMinutes;
    }

    TrainingView.Module view() {
        return new TrainingView.Module(id, title, description, position, durationMinutes);
    }

    Long id() {
        return id;
    }
}
