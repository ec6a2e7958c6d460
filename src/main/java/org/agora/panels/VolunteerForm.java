package org.agora.panels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public volunteer form: contact, address (for the household rule), one self-declared value per feature of the
 * panel (the fields "feature-0", "feature-1"... in the order of {@link #features}), and the explicit consent.
 */
record VolunteerForm(String name, String email, String address, String postcode, Map<String, String> answers,
                     boolean consent) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    static VolunteerForm empty() {
        return new VolunteerForm("", "", "", "", Map.of(), false);
    }

    static VolunteerForm of(Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("feature-")) {
                answers.put(key, value);
            }
        });
        return new VolunteerForm(params.getOrDefault("name", ""), params.getOrDefault("email", ""),
                params.getOrDefault("address", ""), params.getOrDefault("postcode", ""), answers,
                "true".equals(params.get("consent")));
    }

    public String answer(int index) {
        return answers.getOrDefault("feature-" + index, "");
    }

    String normalisedEmail() {
        return PanelForm.strip(email).toLowerCase(Locale.ROOT);
    }

    /** Field → message key; {@code features} are the panel's features with their values, in order. */
    Map<String, String> problems(List<Feature> features) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (PanelForm.strip(name).isEmpty() || PanelForm.strip(name).length() > 200) {
            problems.put("name", "panels.volunteer.error.name");
        }
        if (!EMAIL.matcher(PanelForm.strip(email)).matches() || PanelForm.strip(email).length() > 254) {
            problems.put("email", "panels.volunteer.error.email");
        }
        if (PanelForm.strip(address).isEmpty() || PanelForm.strip(address).length() > 300) {
            problems.put("address", "panels.volunteer.error.address");
        }
        if (!PanelForm.strip(postcode).matches("[0-9A-Za-z -]{2,10}")) {
            problems.put("postcode", "panels.volunteer.error.postcode");
        }
        for (int i = 0; i < features.size(); i++) {
            if (!features.get(i).values().contains(answer(i))) {
                problems.put("feature-" + i, "panels.volunteer.error.feature");
            }
        }
        if (!consent) {
            problems.put("consent", "panels.volunteer.error.consent");
        }
        return problems;
    }

    /** A feature of a panel and its values, from the quotas. */
    record Feature(String name, List<String> values) {

        static List<Feature> of(List<Quota> quotas) {
            Map<String, List<String>> byFeature = new LinkedHashMap<>();
            quotas.forEach(quota -> byFeature.computeIfAbsent(quota.feature(), feature -> new java.util.ArrayList<>())
                    .add(quota.value()));
            return byFeature.entrySet().stream().map(entry -> new Feature(entry.getKey(), List.copyOf(entry.getValue())))
                    .toList();
        }
    }
}
