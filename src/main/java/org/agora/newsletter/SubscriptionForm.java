package org.agora.newsletter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The subscription and preferences forms: an address (public form only), themes and départements, the consent. */
record SubscriptionForm(String email, List<String> themes, List<Long> territories, Boolean consent) {

    static SubscriptionForm empty() {
        return new SubscriptionForm("", List.of(), List.of(), false);
    }

    static SubscriptionForm of(Preferences preferences) {
        return new SubscriptionForm("", preferences.themes().stream().map(Enum::name).toList(),
                List.copyOf(preferences.territories()), true);
    }

    /** The preferences asked for, keeping only known themes and the given départements. */
    Preferences preferences(Set<Long> departements) {
        Set<NewsletterTheme> chosen = themes == null ? Set.of() : NewsletterTheme.parse(String.join(",", themes));
        Set<Long> places = new LinkedHashSet<>();
        if (territories != null) {
            territories.stream().filter(id -> id != null && departements.contains(id)).forEach(places::add);
        }
        return new Preferences(chosen, places);
    }

    public boolean hasTheme(String theme) {
        return themes != null && themes.contains(theme);
    }

    public boolean hasTerritory(long id) {
        return territories != null && territories.contains(id);
    }
}
