package org.agora.organisations;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An organisation as staff type it. The territory is a commune typed by name or postal code ({@code commune}), or,
 * when none is typed, one of the larger territories ({@code scopeId}). {@link #problems()} gives the field errors
 * (message keys) that need no database; {@code confirmDuplicate} creates it despite a likely duplicate.
 */
record OrganisationForm(String name, String kindName, Long scopeId, String commune, String siren, String website,
                        Boolean confirmDuplicate) {

    static final int MAX_NAME = 200;
    static final int MAX_WEBSITE = 300;

    static OrganisationForm empty(Long scopeId) {
        return new OrganisationForm("", OrganisationKind.ASSOCIATION.name(), scopeId, "", "", "", false);
    }

    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (strip(name).isEmpty() || strip(name).length() > MAX_NAME || Organisation.key(name).isEmpty()) {
            problems.put("name", "organisations.error.name");
        }
        if (kind() == null) {
            problems.put("kind", "organisations.error.kind");
        }
        if (scopeId == null && strip(commune).isEmpty()) {
            problems.put("scopeId", "organisations.error.territory");
        }
        String digits = Siren.normalised(siren);
        if (!digits.isEmpty() && !Siren.valid(digits)) {
            problems.put("siren", "organisations.error.siren");
        }
        if (!strip(website).isEmpty() && !isWebAddress(strip(website))) {
            problems.put("website", "organisations.error.website");
        }
        return problems;
    }

    OrganisationKind kind() {
        try {
            return kindName == null ? null : OrganisationKind.valueOf(kindName);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    Checked check(long territoryId) {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("Check problems() first");
        }
        String digits = Siren.normalised(siren);
        return new Checked(strip(name).replaceAll("\\s+", " "), kind(), territoryId, digits.isEmpty() ? null : digits,
                strip(website).isEmpty() ? null : strip(website));
    }

    boolean duplicateConfirmed() {
        return Boolean.TRUE.equals(confirmDuplicate);
    }

    static boolean isWebAddress(String value) {
        if (value.length() > MAX_WEBSITE) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    record Checked(String name, OrganisationKind kind, long territoryId, String siren, String website) {
    }
}
