package org.agora.territories;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The search form of a name: lower case, no accents, hyphens and apostrophes as spaces ("Saint-Jean-de-Braye" → "saint jean de braye"). */
final class TerritoryNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TerritoryNames() {
    }

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
