package org.agora.proposals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a workshop's output as CSV (format in docs/paper-contributions.md) in the module's dialect
 * ({@link ContributionImportCsv}: UTF-8 with or without BOM, the separator found in the header row), columns named in French or English, extra columns ignored. Reports every problem with its
 * line (header = line 1, one line per row as a spreadsheet shows it) and column; a row whose values are all empty is
 * skipped.
 */
final class PaperCsv {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 500;

    /** The columns read, each with the names it may have in the header (lower case, accents as typed). */
    enum Column {
        TITLE("title", "titre", "title"),
        BODY("body", "texte", "body"),
        TERRITORY("territory", "territoire", "territory"),
        THEME("theme", "theme", "thème"),
        EMAIL("email", "email", "courriel", "e-mail");

        final String field;
        final List<String> names;

        Column(String field, String... names) {
            this.field = field;
            this.names = List.of(names);
        }
    }

    /** One row read: its line and the proposal it holds; {@code territoryText} is what was typed, if anything. */
    record Row(int line, PaperContributions.PaperProposal item, String territoryText) {
    }

    /** What was read: the rows (possibly with problems), the header's name of each column found, the problems. */
    record Read(List<Row> rows, Map<String, String> columnNames, List<PaperContributions.CsvProblem> problems) {
    }

    private PaperCsv() {
    }

    /** {@code territory} turns what a row says (INSEE code or exact name) into a territory id, or empty. */
    static Read read(byte[] file, Function<String, Optional<Long>> territory) {
        List<PaperContributions.CsvProblem> problems = new ArrayList<>();
        if (file.length > MAX_BYTES) {
            return failed("proposals.paper.csv.tooLarge");
        }
        List<Row> rows = new ArrayList<>();
        Map<String, String> columnNames = new HashMap<>();
        try (CSVParser parser = ContributionImportCsv.open(new ByteArrayInputStream(file))) {
            Map<Column, Integer> positions = new HashMap<>();
            boolean header = true;
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                if (header) {
                    if (record.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = false;
                    for (int index = 0; index < record.size(); index++) {
                        String name = record.get(index).strip().toLowerCase(Locale.ROOT);
                        for (Column column : Column.values()) {
                            if (column.names.contains(name) && !positions.containsKey(column)) {
                                positions.put(column, index);
                                columnNames.put(column.field, record.get(index).strip());
                            }
                        }
                    }
                    for (Column required : List.of(Column.TITLE, Column.BODY)) {
                        if (!positions.containsKey(required)) {
                            problems.add(new PaperContributions.CsvProblem(1, required.names.getFirst(), "proposals.paper.csv.missingColumn"));
                        }
                    }
                    if (!problems.isEmpty()) {
                        return new Read(List.of(), columnNames, problems);
                    }
                    continue;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    problems.add(new PaperContributions.CsvProblem(line, null, "proposals.paper.csv.tooManyRows"));
                    break;
                }
                String territoryText = value(record, positions.get(Column.TERRITORY));
                Long territoryId = null;
                if (!territoryText.isEmpty()) {
                    territoryId = territory.apply(territoryText).orElse(null);
                    if (territoryId == null) {
                        problems.add(new PaperContributions.CsvProblem(line, columnNames.get("territory"),
                                "proposals.paper.csv.unknownTerritory"));
                    }
                }
                rows.add(new Row(line, new PaperContributions.PaperProposal(value(record, positions.get(Column.TITLE)),
                        value(record, positions.get(Column.BODY)), territoryId, value(record, positions.get(Column.THEME)),
                        value(record, positions.get(Column.EMAIL))), territoryText));
            }
            if (header) {
                return failed("proposals.paper.csv.empty");
            }
        } catch (IOException | RuntimeException malformed) {
            if (ContributionImportCsv.notUtf8(malformed)) {
                return failed("proposals.paper.csv.encoding");
            }
            problems.add(new PaperContributions.CsvProblem(Math.max(1, rows.isEmpty() ? 1 : rows.getLast().line() + 1), null,
                    "proposals.paper.csv.malformed"));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new PaperContributions.CsvProblem(2, null, "proposals.paper.csv.noRows"));
        }
        return new Read(rows, columnNames, problems);
    }

    private static Read failed(String key) {
        return new Read(List.of(), Map.of(), List.of(new PaperContributions.CsvProblem(1, null, key)));
    }

    private static String value(CSVRecord record, Integer position) {
        return position == null || position >= record.size() ? "" : record.get(position).strip();
    }

}
