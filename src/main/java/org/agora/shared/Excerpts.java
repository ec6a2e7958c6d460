package org.agora.shared;

/** Short one-line previews of what people wrote, for lists and moderators' queues. */
public final class Excerpts {

    private Excerpts() {
    }

    /** The text on one line (runs of blanks become one space), cut to {@code max} characters with an ellipsis. */
    public static String of(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).strip() + "…";
    }
}
