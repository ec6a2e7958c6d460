package org.agora.processes;

/** A rule a staff request broke, tied to the form field to show it next to. */
class ProcessProblem extends RuntimeException {

    private final String field;
    private final String key;

    ProcessProblem(String field, String key) {
        super(field + ": " + key, null, false, false);
        this.field = field;
        this.key = key;
    }

    String field() {
        return field;
    }

    String key() {
        return key;
    }
}
