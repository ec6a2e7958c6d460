package org.agora.panels;

/** How a panel distribution is chosen. */
public enum Algorithm {
    /** Maximise the lowest selection probability, then the next lowest, and so on (Flanigan et al., Nature 2021). */
    LEXIMIN,
    /** The greedy method used before LEXIMIN, for comparison; its probabilities are estimated by seeded runs. */
    LEGACY
}
