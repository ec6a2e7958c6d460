package org.agora.accounts;

import java.util.List;

import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Turns what a person typed in the commune field (a postal code or a name) into one commune, without JavaScript:
 * one match is taken, several are offered as choices, none is an error.
 */
@Component
class CommuneChoice {

    static final int MAX_CHOICES = 30;

    private final TerritoryDirectory territories;

    CommuneChoice(TerritoryDirectory territories) {
        this.territories = territories;
    }

    /** The chosen commune id, or null when none was asked for or a choice is still to be made (then an error is set). */
    Long resolve(String typed, String chosen, BindingResult errors, List<TerritoryView> choicesOut) {
        Long chosenId = AccountForms.id(chosen);
        if (chosenId != null) {
            boolean valid = territories.find(chosenId).filter(found -> found.kind() == TerritoryKind.COMMUNE).isPresent();
            if (valid) {
                return chosenId;
            }
            errors.rejectValue("commune", "accounts.commune.unknown");
            return null;
        }
        if (typed == null || typed.isBlank()) {
            return null;
        }
        List<TerritoryView> matches = territories.searchCommunes(typed.strip(), MAX_CHOICES);
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        if (matches.isEmpty()) {
            errors.rejectValue("commune", "accounts.commune.unknown");
        } else {
            choicesOut.addAll(matches);
            errors.rejectValue("commune", "accounts.commune.choose");
        }
        return null;
    }
}
