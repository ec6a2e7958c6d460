package org.agora.processes;

import java.util.Optional;

import org.agora.shared.FileFormat;

/** A process shows one image: PNG, JPEG or WebP, 2 MB at most. */
final class ImageFormat {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private ImageFormat() {
    }

    static Optional<FileFormat> detect(byte[] bytes) {
        return FileFormat.detect(bytes).filter(FileFormat::isImage);
    }
}
