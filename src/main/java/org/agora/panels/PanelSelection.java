package org.agora.panels;

/**
 * Chooses a distribution over panels: LEXIMIN (the fairest: see {@link Leximin}) or LEGACY (the former greedy
 * method, for comparison: see {@link Legacy}). Plain Java: the command line and the web pages both call it.
 */
public final class PanelSelection {

    /** The seed LEGACY uses when none is given. */
    public static final long DEFAULT_SEED = 2021L;

    private PanelSelection() {
    }

    /** @throws InfeasibleQuotasException when no panel satisfies the quotas and the household rule */
    public static SelectionResult select(Instance instance, Algorithm algorithm) {
        return select(instance, algorithm, DEFAULT_SEED);
    }

    /** As {@link #select(Instance, Algorithm)}; the seed drives LEGACY's repeated draws (LEXIMIN is deterministic). */
    public static SelectionResult select(Instance instance, Algorithm algorithm, long seed) {
        return switch (algorithm) {
            case LEXIMIN -> Leximin.select(instance);
            case LEGACY -> Legacy.select(instance, seed, Legacy.RUNS);
        };
    }
}
