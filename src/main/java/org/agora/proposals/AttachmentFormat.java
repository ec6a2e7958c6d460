package org.agora.proposals;

import java.util.Arrays;
import java.util.Optional;

/** What a proposal may carry, recognised from its first bytes, never from a file name or a declared type. */
enum AttachmentFormat {
    PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), WEBP("image/webp", "webp"), PDF("application/pdf", "pdf");

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};

    private final String mediaType;
    private final String extension;

    AttachmentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static Optional<AttachmentFormat> detect(byte[] bytes) {
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (bytes.length >= 5 && Arrays.equals(bytes, 0, 5, PDF_SIGNATURE, 0, 5)) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }
}
