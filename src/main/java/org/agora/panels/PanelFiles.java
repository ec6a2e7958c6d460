package org.agora.panels;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads quota and pool files in the two public formats (see docs/panels.md):
 * <ul>
 * <li>the Sortition Foundation's: quotas {@code feature,value,min,max[,min_flex,max_flex]} (older header
 * {@code category,name,min,max}), respondents with an id column and one column per feature;</li>
 * <li>the Nature 2021 replication's: quotas {@code category,feature,min,max} ({@code category} is the feature,
 * {@code feature} the value), respondents without an id column, the 0-based row index being the id.</li>
 * </ul>
 * Column names are matched case-insensitively, extra columns are ignored, the delimiter may be a comma, a semicolon
 * or a tab. Every problem is collected and reported at once, each with its line (the header is line 1).
 */
public final class PanelFiles {

    /** Column names taken as the respondent id, in order of preference (case-insensitive). */
    static final List<String> ID_COLUMNS = List.of("id", "unique_id", "uniqueid", "primary_id", "nationbuilder_id", "respondent_id");

    private PanelFiles() {
    }

    public static List<Quota> readQuotas(Reader reader) {
        var problems = new ArrayList<FileProblem>();
        String text = read(reader);
        List<CSVRecord> records = parse(text, problems);
        var lines = new Lines(text);
        if (records.isEmpty()) {
            throw new PanelFileException(problems.isEmpty() ? List.of(new FileProblem(0, "The quota file is empty.")) : problems);
        }
        Map<String, Integer> header = header(records.getFirst());
        Integer featureColumn;
        Integer valueColumn;
        if (header.containsKey("value")) {
            featureColumn = header.get("feature");
            valueColumn = header.get("value");
            if (featureColumn == null) {
                problems.add(new FileProblem(1, "Missing column \"feature\" (the header has \"value\")."));
            }
        } else if (header.containsKey("name")) {
            featureColumn = header.get("category");
            valueColumn = header.get("name");
            if (featureColumn == null) {
                problems.add(new FileProblem(1, "Missing column \"category\" (the header has \"name\")."));
            }
        } else if (header.containsKey("category") && header.containsKey("feature")) {
            featureColumn = header.get("category");
            valueColumn = header.get("feature");
        } else {
            featureColumn = null;
            valueColumn = null;
            problems.add(new FileProblem(1, "Unrecognised quota header: expected feature,value,min,max or category,name,min,max "
                    + "(Sortition Foundation) or category,feature,min,max (replication format)."));
        }
        Integer minColumn = header.get("min");
        Integer maxColumn = header.get("max");
        if (minColumn == null) {
            problems.add(new FileProblem(1, "Missing column \"min\"."));
        }
        if (maxColumn == null) {
            problems.add(new FileProblem(1, "Missing column \"max\"."));
        }
        Integer minFlexColumn = header.get("min_flex");
        Integer maxFlexColumn = header.get("max_flex");
        if (featureColumn == null || valueColumn == null || minColumn == null || maxColumn == null) {
            throw new PanelFileException(problems);
        }
        var quotas = new ArrayList<Quota>();
        var seen = new HashMap<String, Integer>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = lines.lineOf(record);
            if (blank(record)) {
                continue;
            }
            String feature = field(record, featureColumn);
            String value = field(record, valueColumn);
            int before = problems.size();
            if (feature.isEmpty()) {
                problems.add(new FileProblem(line, "The feature is empty."));
            }
            if (value.isEmpty()) {
                problems.add(new FileProblem(line, "The value is empty."));
            }
            Integer min = number(record, minColumn, "min", line, false, problems);
            Integer max = number(record, maxColumn, "max", line, false, problems);
            Integer minFlex = minFlexColumn == null ? null : number(record, minFlexColumn, "min_flex", line, true, problems);
            Integer maxFlex = maxFlexColumn == null ? null : number(record, maxFlexColumn, "max_flex", line, true, problems);
            if (min != null && max != null && min > max) {
                problems.add(new FileProblem(line, "min (" + min + ") is greater than max (" + max + ") for " + feature + "=" + value + "."));
            }
            if (minFlex != null && min != null && minFlex > min) {
                problems.add(new FileProblem(line, "min_flex (" + minFlex + ") is greater than min (" + min + ")."));
            }
            if (maxFlex != null && max != null && maxFlex < max) {
                problems.add(new FileProblem(line, "max_flex (" + maxFlex + ") is less than max (" + max + ")."));
            }
            if (!feature.isEmpty() && !value.isEmpty()) {
                Integer previous = seen.putIfAbsent(key(feature) + "\u0000" + key(value), line);
                if (previous != null) {
                    problems.add(new FileProblem(line, "Duplicate quota " + feature + "=" + value + " (already on line " + previous + ")."));
                }
            }
            if (problems.size() == before) {
                quotas.add(new Quota(feature, value, min, max, minFlex, maxFlex));
            }
        }
        if (problems.isEmpty() && quotas.isEmpty()) {
            problems.add(new FileProblem(0, "The quota file has no quota."));
        }
        if (!problems.isEmpty()) {
            throw new PanelFileException(problems);
        }
        return List.copyOf(quotas);
    }

    /**
     * Reads the pool: the id column (see {@link #ID_COLUMNS}; when absent, the 0-based row index is the id), one column
     * per quota feature (values matched case-insensitively and given the quota's spelling) and the household columns,
     * whose values joined make the household key (null when they are all empty or no household column is given).
     */
    public static List<Respondent> readPool(Reader reader, List<Quota> quotas, List<String> householdColumns) {
        var problems = new ArrayList<FileProblem>();
        String text = read(reader);
        List<CSVRecord> records = parse(text, problems);
        var lines = new Lines(text);
        if (records.isEmpty()) {
            throw new PanelFileException(problems.isEmpty() ? List.of(new FileProblem(0, "The pool file is empty.")) : problems);
        }
        Map<String, Integer> header = header(records.getFirst());
        Integer idColumn = ID_COLUMNS.stream().map(header::get).filter(c -> c != null).findFirst().orElse(null);
        Map<String, Map<String, String>> allowed = new LinkedHashMap<>();
        for (Quota q : quotas) {
            allowed.computeIfAbsent(q.feature(), f -> new LinkedHashMap<>()).put(key(q.value()), q.value());
        }
        Map<String, Integer> featureColumns = new LinkedHashMap<>();
        for (String feature : allowed.keySet()) {
            Integer column = header.get(key(feature));
            if (column == null) {
                problems.add(new FileProblem(1, "Missing column \"" + feature + "\" (a quota feature)."));
            } else {
                featureColumns.put(feature, column);
            }
        }
        List<Integer> householdIndexes = new ArrayList<>();
        for (String column : householdColumns == null ? List.<String>of() : householdColumns) {
            if (column.isBlank()) {
                continue;
            }
            Integer index = header.get(key(column));
            if (index == null) {
                problems.add(new FileProblem(1, "Missing household column \"" + column.strip() + "\"."));
            } else {
                householdIndexes.add(index);
            }
        }
        if (!problems.isEmpty()) {
            throw new PanelFileException(problems);
        }
        var pool = new ArrayList<Respondent>();
        var seen = new HashMap<String, Integer>();
        int row = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = lines.lineOf(record);
            if (blank(record)) {
                continue;
            }
            int before = problems.size();
            String id;
            if (idColumn == null) {
                id = Integer.toString(row);
            } else {
                id = field(record, idColumn);
                if (id.isEmpty()) {
                    problems.add(new FileProblem(line, "The id is empty."));
                }
            }
            row++;
            if (!id.isEmpty()) {
                Integer previous = seen.putIfAbsent(key(id), line);
                if (previous != null) {
                    problems.add(new FileProblem(line, "Duplicate id \"" + id + "\" (already on line " + previous + ")."));
                }
            }
            var features = new LinkedHashMap<String, String>();
            for (var entry : featureColumns.entrySet()) {
                String raw = field(record, entry.getValue());
                String value = allowed.get(entry.getKey()).get(key(raw));
                if (value == null) {
                    problems.add(new FileProblem(line, raw.isEmpty()
                            ? "No value for \"" + entry.getKey() + "\"."
                            : "Unknown value \"" + raw + "\" for \"" + entry.getKey() + "\" (expected one of: "
                            + String.join(", ", allowed.get(entry.getKey()).values()) + ")."));
                } else {
                    features.put(entry.getKey(), value);
                }
            }
            String household = null;
            if (!householdIndexes.isEmpty()) {
                List<String> parts = householdIndexes.stream().map(i -> normaliseAddress(field(record, i))).toList();
                if (parts.stream().anyMatch(p -> !p.isEmpty())) {
                    household = String.join("|", parts);
                }
            }
            if (problems.size() == before) {
                pool.add(new Respondent(id, features, household));
            }
        }
        if (problems.isEmpty() && pool.isEmpty()) {
            problems.add(new FileProblem(0, "The pool file has no respondent."));
        }
        if (!problems.isEmpty()) {
            throw new PanelFileException(problems);
        }
        return List.copyOf(pool);
    }

    private static String read(Reader reader) {
        try {
            var writer = new java.io.StringWriter();
            reader.transferTo(writer);
            String text = writer.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line where a record starts (a quoted field may span lines), for records taken in file order. */
    private static final class Lines {
        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int lineOf(CSVRecord record) {
            int target = (int) Math.min(record.getCharacterPosition(), text.length());
            for (; position < target; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static List<CSVRecord> parse(String text, List<FileProblem> problems) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char delimiter = ',';
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            delimiter = ';';
        } else if (tabs > commas && tabs > semicolons) {
            delimiter = '\t';
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new FileProblem(0, "The file is not valid CSV: " + e.getMessage()));
            return List.of();
        }
    }

    private static Map<String, Integer> header(CSVRecord record) {
        var header = new HashMap<String, Integer>();
        for (int i = 0; i < record.size(); i++) {
            header.putIfAbsent(key(record.get(i)), i);
        }
        return header;
    }

    private static Integer number(CSVRecord record, int column, String name, int line, boolean optional, List<FileProblem> problems) {
        String raw = field(record, column);
        if (raw.isEmpty()) {
            if (!optional) {
                problems.add(new FileProblem(line, "No value for \"" + name + "\"."));
            }
            return null;
        }
        try {
            int value = Integer.parseInt(raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw);
            if (value < 0) {
                problems.add(new FileProblem(line, "\"" + name + "\" must not be negative, got " + raw + "."));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new FileProblem(line, "\"" + name + "\" is not a whole number: \"" + raw + "\"."));
            return null;
        }
    }

    private static String field(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).strip() : "";
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String normaliseAddress(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The household key of a set of raw values, as {@link #readPool} builds it (for callers that build respondents). */
    public static String householdKey(List<String> values) {
        List<String> parts = values.stream().map(v -> v == null ? "" : normaliseAddress(v)).toList();
        return parts.stream().allMatch(String::isEmpty) ? null : String.join("|", parts);
    }
}
