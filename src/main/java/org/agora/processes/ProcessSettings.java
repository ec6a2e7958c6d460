package org.agora.processes;

import java.util.List;
import java.util.Set;

/**
 * A public process as the feature modules see it today. {@code proposalsOpen} and {@code supportsOpen} are true only
 * when the process is published (not closed) and its current phase allows it; whether the feature itself is switched
 * on is read from {@code features}. Limit and threshold are null when the process sets none.
 */
public record ProcessSettings(ProcessId id, String slug, String title, long territoryId, boolean closed,
                              Set<ProcessFeature> features, List<String> themes, Integer supportLimit,
                              Integer supportThreshold, boolean proposalsOpen, boolean supportsOpen) {

    public ProcessSettings {
        features = Set.copyOf(features);
        themes = List.copyOf(themes);
    }

    public boolean uses(ProcessFeature feature) {
        return features.contains(feature);
    }

    /** Proposals can be written now: feature on and phase open. */
    public boolean acceptsProposals() {
        return uses(ProcessFeature.PROPOSALS) && proposalsOpen;
    }

    /** Supports can be given or taken back now: feature on and phase open. */
    public boolean acceptsSupports() {
        return uses(ProcessFeature.SUPPORTS) && supportsOpen;
    }
}
