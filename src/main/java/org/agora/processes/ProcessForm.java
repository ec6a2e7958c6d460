package org.agora.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What staff type in the process form. Validation messages are message keys; phase rows are checked by
 * {@link ProcessManagement} because blank rows are allowed and dates arrive as text.
 */
record ProcessForm(
        @NotBlank(message = "processes.form.title.required") @Size(max = 150, message = "processes.form.title.tooLong") String title,
        @Size(max = Slugs.MAX_LENGTH, message = "processes.form.slug.tooLong") String slug,
        @NotBlank(message = "processes.form.summary.required") @Size(max = 300, message = "processes.form.summary.tooLong") String summary,
        @Size(max = 20000, message = "processes.form.description.tooLong") String description,
        @NotNull(message = "processes.form.territory.required") Long territoryId,
        @Size(max = 250, message = "processes.form.imageAlt.tooLong") String imageAlt,
        Boolean removeImage,
        Set<ProcessFeature> features,
        List<PhaseRow> phases) {

    static final int PHASE_ROWS = 8;

    ProcessForm {
        features = features == null ? Set.of() : Set.copyOf(features);
        phases = phases == null ? List.of() : phases.stream().map(row -> row == null ? PhaseRow.BLANK : row).toList();
    }

    public boolean removesImage() {
        return Boolean.TRUE.equals(removeImage);
    }

    /** The rows to show: the ones typed, then blank ones up to {@link #PHASE_ROWS}. */
    List<PhaseRow> phaseRows() {
        List<PhaseRow> rows = new ArrayList<>(phases);
        while (rows.size() < PHASE_ROWS) {
            rows.add(PhaseRow.BLANK);
        }
        return rows.subList(0, Math.max(PHASE_ROWS, phases.size()));
    }

    record PhaseRow(String name, String description, String startsOn, String endsOn) {

        static final PhaseRow BLANK = new PhaseRow("", "", "", "");

        boolean isBlank() {
            return blank(name) && blank(description) && blank(startsOn) && blank(endsOn);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
