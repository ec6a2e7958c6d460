package org.agora.opendata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An RFC 4180 reader for the tests, and what a value of each Table Schema type looks like in CSV. */
final class Csv {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private Csv() {
    }

    static boolean fits(String type, String value) {
        if (value.isEmpty()) {
            return true;
        }
        return switch (type) {
            case "integer" -> INTEGER.matcher(value).matches();
            case "number" -> NUMBER.matcher(value).matches();
            case "boolean" -> value.equals("true") || value.equals("false");
            case "date" -> DATE.matcher(value).matches();
            case "datetime" -> DATETIME.matcher(value).matches();
            case "string" -> true;
            default -> false;
        };
    }

    /** Records of CRLF-terminated lines; quoted fields may hold the separator, quotes and line ends. */
    static List<List<String>> parse(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (quoted) {
                if (c == '"' && index + 1 < text.length() && text.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                index++;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("The last record does not end with CRLF");
        }
        return records;
    }
}
