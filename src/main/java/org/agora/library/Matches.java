package org.agora.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The library's own full-text matching: a query is cut into words, compared without case or accents (the same folding
 * in SQL through {@code translate(lower(...))}, portable between PostgreSQL and H2), results are ranked by where the
 * words appear and excerpts show them highlighted.
 */
final class Matches {

    static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
    static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";

    /** A piece of an excerpt, marked when it is one of the words searched. */
    record Part(String text, boolean mark) {
    }

    private Matches() {
    }

    /** The folded words of a query, at most eight, each at least two characters long. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(fold(query).split("[^\\p{L}\\p{N}]+")).filter(word -> word.length() >= 2).distinct()
                .limit(8).toList();
    }

    /** The SQL expression that folds a column the way {@link #fold} does. */
    static String folded(String column) {
        return "translate(lower(" + column + "), '" + ACCENTED + "', '" + PLAIN + "')";
    }

    /** Lower case without accents, one character for one, so that positions in the folded text match the original. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char lower = Character.toLowerCase(c);
            int index = ACCENTED.indexOf(lower);
            folded.append(index >= 0 ? PLAIN.charAt(index) : lower);
        }
        return folded.toString();
    }

    /** How many of the words the text holds, weighted: a ranking contribution. */
    static int score(String text, List<String> words, int weight) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        String folded = fold(text);
        int score = 0;
        for (String word : words) {
            if (folded.contains(word)) {
                score += weight;
                // A whole word counts more than a word's beginning or middle.
                if (folded.matches("(?s).*(^|[^\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word) + "([^\\p{L}\\p{N}]|$).*")) {
                    score += weight;
                }
            }
        }
        return score;
    }

    /**
     * An excerpt of about {@code max} characters around the first word found (the text's beginning when none is),
     * cut into parts where the words are marked.
     */
    static List<Part> highlight(String text, List<String> words, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        String folded = fold(flat);
        int first = -1;
        for (String word : words) {
            int at = folded.indexOf(word);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int start = first <= max / 3 ? 0 : Math.max(0, flat.lastIndexOf(' ', first - max / 3) + 1);
        int end = Math.min(flat.length(), start + max);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        boolean[] marked = new boolean[flat.length()];
        for (String word : words) {
            for (int at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
                Arrays.fill(marked, at, at + word.length(), true);
            }
        }
        List<Part> parts = new ArrayList<>();
        if (start > 0) {
            parts.add(new Part("… ", false));
        }
        int from = start;
        for (int index = start + 1; index <= end; index++) {
            if (index == end || marked[index] != marked[from]) {
                parts.add(new Part(flat.substring(from, index), marked[from]));
                from = index;
            }
        }
        if (end < flat.length()) {
            parts.add(new Part(" …", false));
        }
        return parts;
    }

    /** A name without case, accents or punctuation, as the organisations registry compares names. */
    static String nameKey(String name) {
        String plain = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").strip();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
