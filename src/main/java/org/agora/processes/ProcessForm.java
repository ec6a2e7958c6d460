package org.agora.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        List<PhaseRow> phases,
        @Size(max = 3000, message = "processes.form.themes.tooLong") String themes,
        @Pattern(regexp = "\\s*([1-9][0-9]{0,5})?\\s*", message = "processes.form.supportLimit.invalid") String supportLimit,
        @Pattern(regexp = "\\s*([1-9][0-9]{0,6})?\\s*", message = "processes.form.supportThreshold.invalid") String supportThreshold) {

    static final int PHASE_ROWS = 8;
    static final int MAX_THEMES = 30;

    ProcessForm {
        features = features == null ? Set.of() : Set.copyOf(features);
        phases = phases == null ? List.of() : phases.stream().map(row -> row == null ? PhaseRow.BLANK : row).toList();
        themes = themes == null ? "" : themes;
    }

    /** A form without themes nor support rules. */
    ProcessForm(String title, String slug, String summary, String description, Long territoryId, String imageAlt,
                Boolean removeImage, Set<ProcessFeature> features, List<PhaseRow> phases) {
        this(title, slug, summary, description, territoryId, imageAlt, removeImage, features, phases, "", "", "");
    }

    /** One theme per line, blank lines ignored. */
    List<String> themeList() {
        return themes.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
    }

    Integer supportLimitValue() {
        return number(supportLimit);
    }

    Integer supportThresholdValue() {
        return number(supportThreshold);
    }

    private static Integer number(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
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

    record PhaseRow(String name, String description, String startsOn, String endsOn, Boolean proposalsOpen,
                    Boolean supportsOpen) {

        static final PhaseRow BLANK = new PhaseRow("", "", "", "");

        PhaseRow(String name, String description, String startsOn, String endsOn) {
            this(name, description, startsOn, endsOn, false, false);
        }

        public boolean opensProposals() {
            return Boolean.TRUE.equals(proposalsOpen);
        }

        public boolean opensSupports() {
            return Boolean.TRUE.equals(supportsOpen);
        }

        boolean isBlank() {
            return blank(name) && blank(description) && blank(startsOn) && blank(endsOn);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
