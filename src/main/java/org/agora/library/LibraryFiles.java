package org.agora.library;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.agora.shared.FileFormat;

/**
 * The files the library accepts, recognised from their first bytes (the name and type the browser sends are never
 * trusted): PDF, PNG, JPEG, WebP, OpenDocument text and presentation, and plain text.
 */
final class LibraryFiles {

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_FILES = 10;
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODP = "application/vnd.oasis.opendocument.presentation";
    static final String TEXT = "text/plain";

    /** A file as it was sent: the name the browser gave (shown after cleaning, never trusted) and its bytes. */
    record Upload(String fileName, byte[] bytes) {
    }

    /** A checked file: its real type and a safe name with the extension of that type. */
    record Checked(String contentType, String fileName, byte[] bytes) {
    }

    private LibraryFiles() {
    }

    /** The checked file, or a refusal naming {@code field} with the problem's message key. */
    static Checked check(Upload upload, String field) {
        if (upload == null || upload.bytes() == null || upload.bytes().length == 0) {
            throw LibraryRefused.of(field, "library.file.missing");
        }
        if (upload.bytes().length > MAX_BYTES) {
            throw LibraryRefused.of(field, "library.file.size");
        }
        String type = contentType(upload.bytes(), upload.fileName())
                .orElseThrow(() -> LibraryRefused.of(field, "library.file.type"));
        return new Checked(type, safeName(upload.fileName(), extension(type)), upload.bytes());
    }

    static Optional<String> contentType(byte[] bytes, String fileName) {
        Optional<FileFormat> format = FileFormat.detect(bytes);
        if (format.isPresent()) {
            return Optional.of(format.get().mediaType());
        }
        for (String type : new String[] {ODT, ODP}) {
            // An OpenDocument file is a zip whose first entry, stored uncompressed, is "mimetype" holding its type.
            byte[] signature = ("mimetype" + type).getBytes(StandardCharsets.US_ASCII);
            if (bytes.length >= 30 + signature.length && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3
                    && bytes[3] == 4 && Arrays.equals(bytes, 30, 30 + signature.length, signature, 0, signature.length)) {
                return Optional.of(type);
            }
        }
        if (fileName != null && fileName.toLowerCase().endsWith(".txt") && plainText(bytes)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /** Valid UTF-8 without control characters other than tabs and line breaks. */
    private static boolean plainText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
        } catch (java.nio.charset.CharacterCodingException notText) {
            return false;
        }
    }

    static boolean image(String contentType) {
        return contentType.startsWith("image/");
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case ODT -> "odt";
            case ODP -> "odp";
            case TEXT -> "txt";
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            default -> "webp";
        };
    }

    /** The name reduced to safe characters, with the extension of its real format. */
    static String safeName(String fileName, String extension) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        return (base.length() > 150 ? base.substring(0, 150) : base) + "." + extension;
    }
}
