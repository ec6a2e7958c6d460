package org.agora.opendata;

import java.util.Optional;

/** The files written for each dataset, how their names end and what they are served as. */
enum OpenDataFormat {
    /** RFC 4180: comma-separated, UTF-8 without byte order mark, CRLF line ends; for programs. */
    CSV("csv", ".csv", "text/csv; charset=utf-8"),
    /** Semicolon-separated, UTF-8 with a byte order mark, formulas neutralised; for French spreadsheets. */
    EXCEL("excel", "-excel.csv", "text/csv; charset=utf-8"),
    /** One JSON array of objects, keys named as the columns. */
    JSON("json", ".json", "application/json"),
    /** The Table Schema (frictionless data, as schema.data.gouv.fr uses it) that describes the columns. */
    SCHEMA("schema", ".schema.json", "application/json");

    private final String code;
    private final String suffix;
    private final String contentType;

    OpenDataFormat(String code, String suffix, String contentType) {
        this.code = code;
        this.suffix = suffix;
        this.contentType = contentType;
    }

    String code() {
        return code;
    }

    String contentType() {
        return contentType;
    }

    public String fileName(String dataset) {
        return dataset + suffix;
    }

    static OpenDataFormat ofCode(String code) {
        for (OpenDataFormat format : values()) {
            if (format.code.equals(code)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown open data format " + code);
    }

    /** The dataset and format a file name stands for ("proposals-excel.csv"); empty when it names no file. */
    static Optional<FileName> parse(String fileName) {
        // Longest suffixes first: "-excel.csv" before ".csv", ".schema.json" before ".json".
        for (OpenDataFormat format : new OpenDataFormat[] {SCHEMA, EXCEL, CSV, JSON}) {
            if (fileName.endsWith(format.suffix) && fileName.length() > format.suffix.length()) {
                return Optional.of(new FileName(fileName.substring(0, fileName.length() - format.suffix.length()), format));
            }
        }
        return Optional.empty();
    }

    record FileName(String dataset, OpenDataFormat format) {
    }
}
