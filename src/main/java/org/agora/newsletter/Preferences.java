package org.agora.newsletter;

import java.util.Set;

/**
 * What a subscriber wants to hear about, or whom an edition is for: themes and départements (ids). An empty set means
 * "all". A subscriber receives an edition when each of the edition's restrictions meets the subscriber's choices.
 */
record Preferences(Set<NewsletterTheme> themes, Set<Long> territories) {

    Preferences {
        themes = Set.copyOf(themes);
        territories = Set.copyOf(territories);
    }

    static Preferences all() {
        return new Preferences(Set.of(), Set.of());
    }

    /** True when a subscriber with these preferences should receive an edition restricted to {@code edition}. */
    boolean receives(Preferences edition) {
        return meets(themes, edition.themes()) && meets(territories, edition.territories());
    }

    private static <T> boolean meets(Set<T> mine, Set<T> wanted) {
        return mine.isEmpty() || wanted.isEmpty() || mine.stream().anyMatch(wanted::contains);
    }
}
