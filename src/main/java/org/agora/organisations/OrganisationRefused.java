package org.agora.organisations;

import java.util.Map;

/** A draft the registry cannot accept: {@code problems} maps each field to the message key that explains why. */
public class OrganisationRefused extends IllegalArgumentException {

    private final transient Map<String, String> problems;

    OrganisationRefused(Map<String, String> problems) {
        super("Organisation refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
