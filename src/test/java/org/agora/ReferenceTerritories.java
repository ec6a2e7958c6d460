package org.agora;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;

/** The shipped Centre-Val de Loire file, which tests load (idempotently) into the shared test database. */
public final class ReferenceTerritories {

    public static final String FILE = "territories/centre-val-de-loire.csv";

    private ReferenceTerritories() {
    }

    public static InputStream open() {
        try {
            return new ClassPathResource(FILE).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MockMultipartFile upload() throws IOException {
        try (InputStream in = open()) {
            return new MockMultipartFile("file", "centre-val-de-loire.csv", "text/csv", in.readAllBytes());
        }
    }
}
