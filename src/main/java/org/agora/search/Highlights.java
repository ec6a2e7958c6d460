package org.agora.search;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a highlighted fragment into safe HTML: the highlighter wraps matches in two private-use characters (which
 * indexed texts never contain), the whole text is escaped, and only then do those characters become {@code <mark>}.
 */
final class Highlights {

    static final char START = '\uE000';
    static final char END = '\uE001';

    private Highlights() {
    }

    static String toHtml(String fragment) {
        return HtmlUtils.htmlEscape(around(fragment, 300), "UTF-8")
                .replace(String.valueOf(START), "<mark>").replace(String.valueOf(END), "</mark>");
    }

    /** At most about {@code length} characters around the first match, with marks still paired. */
    private static String around(String fragment, int length) {
        String flat = fragment.replaceAll("\\s+", " ").strip();
        if (flat.length() <= length) {
            return flat;
        }
        int first = Math.max(0, flat.indexOf(START));
        int from = Math.max(0, Math.min(first - length / 3, flat.length() - length));
        int to = Math.min(flat.length(), from + length);
        String cut = flat.substring(from, to);
        if (cut.indexOf(END) >= 0 && (cut.indexOf(START) < 0 || cut.indexOf(END) < cut.indexOf(START))) {
            cut = START + cut;
        }
        if (cut.lastIndexOf(START) > cut.lastIndexOf(END)) {
            cut = cut + END;
        }
        return (from > 0 ? "…" : "") + cut + (to < flat.length() ? "…" : "");
    }

    /** The beginning of a text, for a result whose text did not match; escaped. */
    static String opening(String text, int length) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return HtmlUtils.htmlEscape(flat.length() <= length ? flat : flat.substring(0, length - 1).strip() + "…", "UTF-8");
    }
}
