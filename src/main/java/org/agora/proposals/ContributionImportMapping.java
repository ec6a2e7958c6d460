package org.agora.proposals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column of a file feeds which field of a proposal (docs/imports.md). One field per column at most, each field
 * from one column at most; title and body are required. Suggested from the header's names: French and English names,
 * and the export formats of common tools (Decidim's {@code title/fr}, {@code body/fr}, {@code category/name/fr},
 * {@code scope/name/fr}, {@code published_at}...). Saved per process by header name, so that the next file of the same
 * source is mapped the same way whatever the order of its columns.
 */
record ContributionImportMapping(List<Field> columns) {

    /** The fields a column may feed, each with the header names that suggest it (compared without case nor accents). */
    enum Field {
        TITLE(List.of("titre", "title", "intitule", "titre de la proposition", "objet", "sujet"),
                "title/[a-z]{2}"),
        BODY(List.of("texte", "body", "description", "contenu", "content", "proposition", "texte de la proposition",
                "votre proposition", "text"), "body/[a-z]{2}"),
        TERRITORY(List.of("territoire", "territory", "commune", "code insee", "code_insee", "insee", "scope", "lieu",
                "perimetre"), "scope/name/[a-z]{2}"),
        THEME(List.of("theme", "thematique", "category", "categorie", "categorie/nom", "topic"), "category/name/[a-z]{2}"),
        ORIGINAL_DATE(List.of("date", "published_at", "created_at", "date de depot", "date de publication",
                "date originale", "submitted_at", "original_date"), null),
        EXTERNAL_ID(List.of("id", "identifiant", "external_id", "id externe", "reference", "ref", "numero", "n°"), null),
        AUTHOR_LABEL(List.of("auteur", "author", "author/name", "nom", "signataire", "auteur de la contribution",
                "author_name", "nom de l'auteur"), null),
        SOURCE_URL(List.of("url", "lien", "link", "source_url", "adresse web"), null);

        final List<String> names;
        final Pattern pattern;

        Field(List<String> names, String pattern) {
            this.names = names;
            this.pattern = pattern == null ? null : Pattern.compile(pattern);
        }

        /** Whether this header name suggests the field; {@code preferred} is whether it names the French version. */
        boolean suggestedBy(String header) {
            String name = normalized(header);
            return names.contains(name) || pattern != null && pattern.matcher(name).matches();
        }

        /** The form's value for the field ("title", "original-date"...). */
        String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Field> fromParam(String value) {
            return Arrays.stream(values()).filter(field -> field.param().equals(value)).findFirst();
        }
    }

    /** A mapping problem: the column (0-based, or -1 for the mapping as a whole) and the message key. */
    record Problem(int column, String key, Field field) {
    }

    ContributionImportMapping {
        columns = java.util.Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /**
     * Suggests a field for each header: the saved mapping's choice for a header of that exact name first, then the
     * known names; a field already taken by an earlier column is not suggested again, except that a French column
     * ({@code title/fr}) takes the field from another language's.
     */
    static ContributionImportMapping suggest(List<String> headers, Map<String, Field> saved) {
        List<Field> fields = new ArrayList<>(java.util.Collections.nCopies(headers.size(), (Field) null));
        Map<Field, Integer> taken = new EnumMap<>(Field.class);
        for (int index = 0; index < headers.size(); index++) {
            Field field = saved.get(headers.get(index).strip());
            if (field != null && !taken.containsKey(field)) {
                taken.put(field, index);
                fields.set(index, field);
            }
        }
        for (int index = 0; index < headers.size(); index++) {
            String header = headers.get(index).strip();
            if (saved.containsKey(header)) {
                continue;
            }
            Field field = Arrays.stream(Field.values()).filter(candidate -> candidate.suggestedBy(header)).findFirst().orElse(null);
            if (field == null) {
                continue;
            }
            Integer other = taken.get(field);
            if (other == null || normalized(header).endsWith("/fr") && !saved.containsKey(headers.get(other).strip())) {
                if (other != null) {
                    fields.set(other, null);
                }
                taken.put(field, index);
                fields.set(index, field);
            }
        }
        return new ContributionImportMapping(fields);
    }

    /** The mapping as chosen on the page: parameter {@code column-N} holds a field's value or is empty (ignored). */
    static ContributionImportMapping fromParams(int columnCount, Map<String, String> params) {
        List<Field> fields = new ArrayList<>();
        for (int index = 0; index < columnCount; index++) {
            fields.add(Field.fromParam(params.getOrDefault("column-" + index, "")).orElse(null));
        }
        return new ContributionImportMapping(fields);
    }

    /** Title and body are mapped, and no field from two columns. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        Map<Field, Integer> seen = new EnumMap<>(Field.class);
        for (int index = 0; index < columns.size(); index++) {
            Field field = columns.get(index);
            if (field != null && seen.putIfAbsent(field, index) != null) {
                problems.add(new Problem(index, "proposals.import.mapping.twice", field));
            }
        }
        for (Field required : List.of(Field.TITLE, Field.BODY)) {
            if (!seen.containsKey(required)) {
                problems.add(new Problem(-1, "proposals.import.mapping.required", required));
            }
        }
        return problems;
    }

    /** The column feeding this field, if any. */
    Optional<Integer> columnOf(Field field) {
        int index = columns.indexOf(field);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** Stored form, by header name: one "field=header" per line (a header holding a line break is not saved). */
    String serialize(List<String> headers) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < columns.size() && index < headers.size(); index++) {
            String header = headers.get(index).strip();
            if (header.contains("\n") || header.contains("\r") || header.isEmpty()) {
                continue;
            }
            text.append(columns.get(index) == null ? "" : columns.get(index).name()).append('=').append(header).append('\n');
        }
        return text.toString();
    }

    /** Header name to field (null for a header explicitly ignored), as {@link #serialize} wrote it. */
    static Map<String, Field> parse(String text) {
        Map<String, Field> byHeader = new LinkedHashMap<>();
        if (text == null) {
            return byHeader;
        }
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String field = line.substring(0, equals);
            byHeader.put(line.substring(equals + 1), field.isEmpty() ? null
                    : Arrays.stream(Field.values()).filter(one -> one.name().equals(field)).findFirst().orElse(null));
        }
        return byHeader;
    }

    static String normalized(String header) {
        return Normalizer.normalize(header.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }
}
