package org.agora.moderation;

/**
 * A rule refused what the person asked; the web layer shows {@code messageKey} next to {@code field} (or above the
 * form when the field is null) and answers with {@code status}. Nothing was stored.
 */
class ModerationProblem extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final int status;

    private ModerationProblem(String field, String messageKey, int status) {
        super((field == null ? "" : field + ": ") + messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
        this.status = status;
    }

    static ModerationProblem badInput(String field, String messageKey) {
        return new ModerationProblem(field, messageKey, 400);
    }

    static ModerationProblem refused(String messageKey) {
        return new ModerationProblem(null, messageKey, 403);
    }

    String field() { return field; }
    String messageKey() { return messageKey; }
    int status() { return status; }
}
