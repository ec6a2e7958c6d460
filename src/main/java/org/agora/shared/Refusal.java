package org.agora.shared;

import java.util.Map;

/**
 * What a module's public write operation throws when it changed nothing: the resource does not exist ({@code NOT_FOUND}),
 * the input breaks a rule of a field ({@code INVALID}, with {@code fieldErrors}: field name to message key), or the
 * rules of the moment refuse it ({@code CONFLICT}: phase closed, feature off, meeting full, person blocked...).
 * {@code messageKey} is a key of the owning module's message bundle explaining it to a person (null unless a conflict).
 */
public class Refusal extends RuntimeException {

    public enum Kind { NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;
    private final String messageKey;
    private final Map<String, String> fieldErrors;

    private Refusal(Kind kind, String messageKey, Map<String, String> fieldErrors) {
        super(kind + ": " + messageKey + (fieldErrors.isEmpty() ? "" : " " + fieldErrors), null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static Refusal notFound() {
        return new Refusal(Kind.NOT_FOUND, null, Map.of());
    }

    public static Refusal invalid(Map<String, String> fieldErrors) {
        return new Refusal(Kind.INVALID, null, fieldErrors);
    }

    public static Refusal conflict(String messageKey) {
        return new Refusal(Kind.CONFLICT, messageKey, Map.of());
    }

    public Kind kind() { return kind; }
    public String messageKey() { return messageKey; }
    public Map<String, String> fieldErrors() { return fieldErrors; }
}
