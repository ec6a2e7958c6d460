package org.agora.proposals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The CSV dialect shared by the imports of this module (paper contributions and the staff's contribution import):
 * strict UTF-8 with or without a byte-order mark, the separator found most often in the header row among ';', ',' and
 * tab (';' wins a tie against ',', as French spreadsheets write it), quoted values that may hold separators and line
 * breaks, surrounding spaces ignored. The file is read as a stream: records are parsed one at a time.
 */
final class ContributionImportCsv {

    /** The longest header row looked at to find the separator. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private ContributionImportCsv() {
    }

    /** Opens a parser over the stream; a malformed UTF-8 sequence surfaces while iterating (see {@link #notUtf8}). */
    static CSVParser open(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(HEADER_LOOKAHEAD);
        int first = reader.read();
        if (first != '\uFEFF') {
            reader.reset();
        }
        reader.mark(HEADER_LOOKAHEAD);
        char[] head = new char[HEADER_LOOKAHEAD - 1];
        int read = reader.read(head, 0, head.length);
        reader.reset();
        String firstLine = read <= 0 ? "" : new String(head, 0, read).lines().findFirst().orElse("");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(firstLine))
                .setIgnoreSurroundingSpaces(true).get();
        return CSVParser.parse(reader, format);
    }

    /** ';', ',' or tab, whichever the header row holds most. */
    static char separator(String headerRow) {
        long semicolons = count(headerRow, ';');
        long commas = count(headerRow, ',');
        long tabs = count(headerRow, '\t');
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** Whether reading failed because the bytes are not UTF-8 (not because a quote is left open). */
    static boolean notUtf8(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
            if (cause instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static long count(String text, char wanted) {
        return text.chars().filter(character -> character == wanted).count();
    }
}
