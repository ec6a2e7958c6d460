package org.agora.newsletter;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The themes a subscriber may choose, a small fixed list (README): the fields of regional public action the
 * participation programmes work on. Stored by name, comma-separated.
 */
enum NewsletterTheme {
    DEMOCRACY, ENVIRONMENT, MOBILITY, HEALTH, YOUTH, ECONOMY, CULTURE;

    /** The themes named in {@code names}; unknown names are ignored. */
    static Set<NewsletterTheme> parse(String names) {
        Set<NewsletterTheme> themes = new LinkedHashSet<>();
        if (names == null) {
            return themes;
        }
        for (String name : names.split(",")) {
            Arrays.stream(values()).filter(theme -> theme.name().equals(name.strip())).findFirst().ifPresent(themes::add);
        }
        return themes;
    }

    static String join(Set<NewsletterTheme> themes) {
        return themes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
