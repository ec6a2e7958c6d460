package org.agora.territories;

import java.util.List;

/** What other modules may know of a territory. {@code postalCodes} is empty except for communes. */
public record TerritoryView(long id, TerritoryKind kind, String code, String name, Long parentId, List<String> postalCodes) {

    /** "Orléans (45000)" for a commune, the name alone otherwise. */
    public String label() {
        return postalCodes.isEmpty() ? name : name + " (" + String.join(", ", postalCodes) + ")";
    }
}
