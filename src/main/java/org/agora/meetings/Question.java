package org.agora.meetings;

import java.util.Arrays;
import java.util.List;

/** One question of a meeting's registration form. */
record Question(long id, long meetingId, int position, QuestionKind kind, String label, boolean required,
                List<String> options) {

    static List<String> parseOptions(String lines) {
        return lines == null ? List.of() : Arrays.stream(lines.split("\\R")).map(String::strip)
                .filter(option -> !option.isEmpty()).distinct().toList();
    }

    public String name() {
        return "q" + id;
    }
}
