package org.agora.panels;

import java.util.Map;
import java.util.Objects;

/**
 * One volunteer of the pool: an id, the value of each quota feature, and a household key (built from the household
 * columns; null when no household rule applies). Two respondents with the same non-null household key may not sit on
 * the same panel.
 */
public record Respondent(String id, Map<String, String> features, String household) {

    public Respondent {
        Objects.requireNonNull(id, "id");
        features = Map.copyOf(features);
    }
}
