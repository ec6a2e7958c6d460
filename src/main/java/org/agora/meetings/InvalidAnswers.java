package org.agora.meetings;

import java.util.Map;

/** Answers the form refused: field name -> message key. */
class InvalidAnswers extends RuntimeException {

    private final Map<String, String> problems;

    InvalidAnswers(Map<String, String> problems) {
        super("invalid answers", null, false, false);
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
