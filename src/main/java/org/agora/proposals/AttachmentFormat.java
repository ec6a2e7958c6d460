package org.agora.proposals;

import java.util.Optional;

import org.agora.shared.FileFormat;

/** A proposal may carry one image (PNG, JPEG, WebP) or PDF, 5 MB at most. */
final class AttachmentFormat {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private AttachmentFormat() {
    }

    static Optional<FileFormat> detect(byte[] bytes) {
        return FileFormat.detect(bytes);
    }
}
