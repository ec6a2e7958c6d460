package org.agora.territories;

import java.util.List;

/** What an import did, or why it did nothing: when {@code problems} is not empty, nothing was stored. */
record ImportReport(int created, int updated, int unchanged, List<Problem> problems) {

    ImportReport {
        problems = List.copyOf(problems);
    }

    static ImportReport refused(List<Problem> problems) {
        return new ImportReport(0, 0, 0, problems);
    }

    boolean succeeded() {
        return problems.isEmpty();
    }

    /** One problem in the file: a line number (1 is the header, 0 the whole file), a message key and its arguments. */
    record Problem(int line, String key, List<String> arguments) {

        Problem(int line, String key, String... arguments) {
            this(line, key, List.of(arguments));
        }

        Object[] argumentArray() {
            return arguments.toArray();
        }
    }
}
