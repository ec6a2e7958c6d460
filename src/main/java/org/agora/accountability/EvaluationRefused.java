package org.agora.accountability;

/** A workflow step that the evaluation's state does not allow; the message key says why. */
class EvaluationRefused extends RuntimeException {

    private final String key;

    EvaluationRefused(String key) {
        super(key);
        this.key = key;
    }

    String key() {
        return key;
    }
}
