package org.agora.library;

import java.util.Map;

/** Something the library cannot accept: {@code problems} maps each field to the message key that explains why. */
public class LibraryRefused extends IllegalArgumentException {

    private final transient Map<String, String> problems;

    LibraryRefused(Map<String, String> problems) {
        super("Refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    static LibraryRefused of(String field, String key) {
        return new LibraryRefused(Map.of(field, key));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
