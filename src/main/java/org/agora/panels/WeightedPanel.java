package org.agora.panels;

import java.util.List;

/** One panel of a distribution and the probability of drawing it. */
public record WeightedPanel(double probability, List<String> members) {

    public WeightedPanel {
        members = List.copyOf(members);
    }
}
