package org.agora.processes;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL names made from titles: "Budget participatif des lycées" → "budget-participatif-des-lycees". */
final class Slugs {

    static final int MAX_LENGTH = 80;
    static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    static String from(String title) {
        String lower = (title == null ? "" : title).toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "demarche" : slug;
    }
}
