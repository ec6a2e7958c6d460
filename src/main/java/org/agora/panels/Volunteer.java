package org.agora.panels;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One volunteer of a pool. Only {@code pseudonym} is ever shown publicly; the rest is personal data, visible to the
 * panel's team and deleted after the panel ends + retention (then null).
 */
record Volunteer(long id, long panelId, String pseudonym, String source, String externalId, String email, String name,
                 String address, String postcode, String household, Map<String, String> features, String language,
                 Instant createdAt, Instant deletedAt) {

    static final String FORM = "FORM";
    static final String IMPORT = "IMPORT";

    static String pseudonym(int serial) {
        return String.format("P-%04d", serial);
    }

    /** Features as stored: one "feature TAB value" per line. */
    static String encode(Map<String, String> features) {
        StringBuilder text = new StringBuilder();
        features.forEach((feature, value) -> text.append(feature).append('\t').append(value).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> features = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    features.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return features;
    }

    Respondent respondent() {
        return new Respondent(pseudonym, features, household);
    }
}
