package org.agora.panels;

/** One problem in a quota or pool file: the 1-based line (header = 1; 0 = the file as a whole) and what is wrong. */
public record FileProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
