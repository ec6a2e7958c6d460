package org.agora.accountability;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refused input of the charter and strategy pages (charter, programmes, measures, transmissions, referrals, linked
 * proposals): per field, the message key to show next to it. Nothing is stored when it is thrown.
 */
class CharterInvalid extends RuntimeException {

    private final Map<String, String> problems;

    CharterInvalid(Map<String, String> problems) {
        super("Invalid input: " + problems);
        this.problems = Map.copyOf(problems);
    }

    static CharterInvalid of(String field, String key) {
        return new CharterInvalid(Map.of(field, key));
    }

    Map<String, String> problems() {
        return problems;
    }

    /** Collects a form's problems, then throws them all at once. */
    static final class Check {

        private final Map<String, String> problems = new LinkedHashMap<>();

        String text(String field, String value, int max) {
            String trimmed = value == null ? "" : value.strip();
            if (trimmed.isEmpty()) {
                fail(field, "accountability.charter.error.required");
            } else if (trimmed.length() > max) {
                fail(field, "accountability.charter.error.tooLong");
            }
            return trimmed;
        }

        String optionalText(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                fail(field, "accountability.charter.error.required");
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                fail(field, "accountability.charter.error.date");
                return null;
            }
        }

        int number(String field, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value == null ? "" : value.strip());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            fail(field, "accountability.charter.error.number");
            return min;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type, String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            fail(field, "accountability.charter.error.choice");
            return null;
        }

        void fail(String field, String key) {
            problems.putIfAbsent(field, key);
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new CharterInvalid(problems);
            }
        }
    }
}
