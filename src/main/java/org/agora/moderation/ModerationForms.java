package org.agora.moderation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsing of the request parameters of moderation's pages: anything malformed is empty, never an exception. */
final class ModerationForms {

    private ModerationForms() {
    }

    static Optional<ModerationReason> reason(String value) {
        return parse(ModerationReason.class, value);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** A positive id of at most 18 digits. */
    static Optional<Long> number(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long number = Long.parseLong(value.strip());
        return number > 0 ? Optional.of(number) : Optional.empty();
    }

    static Optional<LocalDate> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
