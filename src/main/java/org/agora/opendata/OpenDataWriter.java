package org.agora.opendata;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.agora.shared.OpenDataset;
import org.springframework.context.MessageSource;

/**
 * Writes one dataset's four files in a single pass over its rows, streaming: a row is formatted and written as soon as
 * the dataset hands it over, so memory does not grow with the dataset. Every value is checked against its column's
 * type, so a file never contradicts its schema: a mismatch fails the build instead.
 */
final class OpenDataWriter {

    static final String LICENCE_NAME = "Licence Ouverte / Open Licence version 2.0";
    static final String LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    static final char BOM = '\uFEFF';
    /** What an email address looks like in free text: masked in every file, even where the person typed it publicly. */
    static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final String MASKED_EMAIL = "[adresse masquée]";

    /** What was written for one file. */
    record Written(long rows, long bytes, String sha256) {
    }

    private OpenDataWriter() {
    }

    /** Writes {@code <name>.csv}, {@code <name>-excel.csv}, {@code <name>.json} and {@code <name>.schema.json} into the folder. */
    static Map<OpenDataFormat, Written> write(OpenDataset dataset, Path folder, MessageSource messages) throws IOException {
        List<OpenDataset.Column> columns = dataset.columns();
        Map<OpenDataFormat, Written> written = new EnumMap<>(OpenDataFormat.class);
        try (Output csv = new Output(folder.resolve(OpenDataFormat.CSV.fileName(dataset.name())));
             Output excel = new Output(folder.resolve(OpenDataFormat.EXCEL.fileName(dataset.name())));
             Output json = new Output(folder.resolve(OpenDataFormat.JSON.fileName(dataset.name())))) {
            excel.writer.write(BOM);
            List<String> names = columns.stream().map(OpenDataset.Column::name).toList();
            csvLine(csv.writer, names, ',', false);
            csvLine(excel.writer, names, ';', false);
            json.writer.write('[');
            long[] rows = {0};
            try {
                dataset.forEachRow(row -> {
                    try {
                        List<String> cells = cells(dataset, columns, row);
                        csvLine(csv.writer, cells, ',', false);
                        csvLine(excel.writer, cells, ';', true, columns);
                        json.writer.write(rows[0] == 0 ? "\n" : ",\n");
                        jsonObject(json.writer, columns, cells);
                        rows[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            json.writer.write(rows[0] == 0 ? "]\n" : "\n]\n");
            csv.close();
            excel.close();
            json.close();
            written.put(OpenDataFormat.CSV, csv.written(rows[0]));
            written.put(OpenDataFormat.EXCEL, excel.written(rows[0]));
            written.put(OpenDataFormat.JSON, json.written(rows[0]));
        }
        try (Output schema = new Output(folder.resolve(OpenDataFormat.SCHEMA.fileName(dataset.name())))) {
            schema.writer.write(schema(dataset, messages));
            schema.close();
            written.put(OpenDataFormat.SCHEMA, schema.written(columns.size()));
        }
        return written;
    }

    /** The Table Schema of a dataset (https://specs.frictionlessdata.io/table-schema/), in French, the site's language. */
    static String schema(OpenDataset dataset, MessageSource messages) {
        Locale french = Locale.FRENCH;
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"$schema\": \"https://frictionlessdata.io/schemas/table-schema.json\",\n");
        json.append("  \"name\": ").append(string(dataset.name())).append(",\n");
        json.append("  \"title\": ").append(string(messages.getMessage(dataset.titleKey(), null, french))).append(",\n");
        json.append("  \"description\": ")
                .append(string(messages.getMessage(dataset.titleKey() + ".description", null, french))).append(",\n");
        json.append("  \"licenses\": [{\"name\": \"etalab-2.0\", \"title\": ").append(string(LICENCE_NAME))
                .append(", \"path\": ").append(string(LICENCE_URL)).append("}],\n");
        json.append("  \"missingValues\": [\"\"],\n");
        json.append("  \"fields\": [");
        List<OpenDataset.Column> columns = dataset.columns();
        for (int index = 0; index < columns.size(); index++) {
            OpenDataset.Column column = columns.get(index);
            json.append(index == 0 ? "\n" : ",\n").append("    {\"name\": ").append(string(column.name()))
                    .append(", \"type\": ").append(string(tableSchemaType(column.type())))
                    .append(", \"description\": ").append(string(messages.getMessage(column.descriptionKey(), null, french)))
                    .append('}');
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    static String tableSchemaType(OpenDataset.Type type) {
        return switch (type) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case DECIMAL -> "number";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "datetime";
        };
    }

    /** The row's values as text, null for a missing value; a value of the wrong type or a row of the wrong width fails. */
    private static List<String> cells(OpenDataset dataset, List<OpenDataset.Column> columns, Object[] row) {
        if (row.length != columns.size()) {
            throw new IllegalStateException("Dataset " + dataset.name() + " gave a row of " + row.length
                    + " values for " + columns.size() + " columns");
        }
        String[] cells = new String[row.length];
        for (int index = 0; index < row.length; index++) {
            cells[index] = text(dataset, columns.get(index), row[index]);
        }
        return java.util.Arrays.asList(cells);
    }

    private static String text(OpenDataset dataset, OpenDataset.Column column, Object value) {
        if (value == null) {
            return null;
        }
        boolean fits = switch (column.type()) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Long || value instanceof Integer;
            case DECIMAL -> value instanceof BigDecimal || value instanceof Long || value instanceof Integer;
            case BOOLEAN -> value instanceof Boolean;
            case DATE -> value instanceof LocalDate;
            case DATETIME -> value instanceof Instant;
        };
        if (!fits) {
            throw new IllegalStateException("Dataset " + dataset.name() + ", column " + column.name() + ": "
                    + value.getClass().getSimpleName() + " is not a " + column.type());
        }
        return switch (value) {
            case BigDecimal decimal -> decimal.toPlainString();
            case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS).toString();
            case String text -> text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll(MASKED_EMAIL);
            default -> value.toString();
        };
    }

    private static void csvLine(Writer out, List<String> cells, char separator, boolean spreadsheet) throws IOException {
        csvLine(out, cells, separator, spreadsheet, null);
    }

    /**
     * One CSV record. In the spreadsheet variant a text cell starting with = + - @ (or a tab or carriage return) gets a
     * leading ' so that no spreadsheet runs it as a formula.
     */
    private static void csvLine(Writer out, List<String> cells, char separator, boolean spreadsheet,
                                List<OpenDataset.Column> columns) throws IOException {
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                out.write(separator);
            }
            String value = cells.get(index);
            if (value == null) {
                continue;
            }
            if (spreadsheet && columns != null && columns.get(index).type() == OpenDataset.Type.STRING
                    && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        out.write("\r\n");
    }

    private static void jsonObject(Writer out, List<OpenDataset.Column> columns, List<String> cells) throws IOException {
        out.write('{');
        for (int index = 0; index < columns.size(); index++) {
            if (index > 0) {
                out.write(", ");
            }
            OpenDataset.Column column = columns.get(index);
            out.write(string(column.name()));
            out.write(": ");
            String value = cells.get(index);
            if (value == null) {
                out.write("null");
            } else if (column.type() == OpenDataset.Type.INTEGER || column.type() == OpenDataset.Type.DECIMAL
                    || column.type() == OpenDataset.Type.BOOLEAN) {
                out.write(value);
            } else {
                out.write(string(value));
            }
        }
        out.write('}');
    }

    /** A JSON string literal. */
    static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A file being written, counting its bytes and hashing them as they go. */
    private static final class Output implements AutoCloseable {

        private final Counting counting;
        private final MessageDigest digest;
        final Writer writer;
        private boolean closed;

        Output(Path file) throws IOException {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            counting = new Counting(Files.newOutputStream(file), digest);
            writer = new BufferedWriter(new OutputStreamWriter(counting, StandardCharsets.UTF_8), 64 * 1024);
        }

        Written written(long rows) {
            return new Written(rows, counting.count, HexFormat.of().formatHex(digest.digest()));
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
    }

    private static final class Counting extends FilterOutputStream {

        private final MessageDigest digest;
        long count;

        Counting(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digest.update(bytes, offset, length);
            count += length;
        }
    }
}
