package org.agora.library;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What describes an initiative, as proposed by a participant or sent by another module. {@link #problems()} names the
 * fields that are wrong with a message key each; an initiative is stored only when there are none.
 *
 * @param organisationId   the carrying organisation in the registry, or null
 * @param organisationName the carrying organisation in free text when the registry does not know it
 * @param tags             free tags, normalised to lower case; at most {@value #MAX_TAGS}
 */
public record InitiativeDraft(String title, String summary, InitiativeKind kind, Long territoryId, Long organisationId,
                              String organisationName, String tools, LocalDate startedOn, LocalDate endedOn,
                              String results, String lessons, String contactName, String contactEmail,
                              List<String> tags) {

    static final int MAX_TAGS = 8;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public InitiativeDraft {
        title = strip(title);
        summary = strip(summary);
        organisationName = strip(organisationName);
        tools = strip(tools);
        results = strip(results);
        lessons = strip(lessons);
        contactName = strip(contactName);
        contactEmail = strip(contactEmail).toLowerCase(Locale.ROOT);
        tags = tags(tags);
    }

    /** Field name → message key, in the order of the form. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        length(problems, "title", title, 3, 200);
        length(problems, "summary", summary, 10, 1000);
        if (kind == null) {
            problems.put("kind", "library.initiative.error.kind");
        }
        if (territoryId == null) {
            problems.put("territoryId", "library.initiative.error.territory");
        }
        if (organisationId == null && organisationName.length() > 200) {
            problems.put("organisationName", "library.initiative.error.organisationName");
        }
        length(problems, "tools", tools, 0, 1000);
        if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
            problems.put("endedOn", "library.initiative.error.dates");
        }
        length(problems, "results", results, 0, 5000);
        length(problems, "lessons", lessons, 0, 5000);
        length(problems, "contactName", contactName, 2, 200);
        if (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches()) {
            problems.put("contactEmail", "library.initiative.error.contactEmail");
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(tag -> tag.length() > 60)) {
            problems.put("tags", "library.initiative.error.tags");
        }
        return problems;
    }

    /** Tags typed as one comma-separated text. */
    public static List<String> tags(String text) {
        return tags(text == null ? List.of() : List.of(text.split("[,;]")));
    }

    static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw == null ? List.<String>of() : raw) {
            String clean = strip(tag).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!clean.isEmpty()) {
                tags.add(clean);
            }
        }
        return List.copyOf(tags);
    }

    private static void length(Map<String, String> problems, String field, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            problems.put(field, "library.initiative.error." + field);
        }
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
