package org.agora.accounts;

/** A business rule refused a form value; the web layer shows {@code messageKey} next to {@code field}. */
public class FieldProblem extends RuntimeException {

    private final String field;
    private final String messageKey;

    FieldProblem(String field, String messageKey) {
        super(field + ": " + messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() { return field; }
    public String messageKey() { return messageKey; }
}
