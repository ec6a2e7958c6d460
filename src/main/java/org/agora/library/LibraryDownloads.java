package org.agora.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Serving and receiving the library's files. */
final class LibraryDownloads {

    private LibraryDownloads() {
    }

    /** Images open in the browser, other files download; both carry their name and their checked type. */
    static ResponseEntity<byte[]> serve(Initiatives.StoredFile file) {
        ContentDisposition disposition = (LibraryFiles.image(file.contentType()) ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(file.fileName(), StandardCharsets.UTF_8).build();
        MediaType type = LibraryFiles.TEXT.equals(file.contentType())
                ? new MediaType("text", "plain", StandardCharsets.UTF_8) : MediaType.parseMediaType(file.contentType());
        return ResponseEntity.ok().contentType(type).contentLength(file.data().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache()).body(file.data());
    }

    /** Reads one byte more than allowed at most, so that an oversized file is recognised without being held whole. */
    static LibraryFiles.Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return new LibraryFiles.Upload(file.getOriginalFilename(), in.readNBytes(LibraryFiles.MAX_BYTES + 1));
        }
    }
}
