package org.agora.panels;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the explanation of infeasible quotas, as a code and its arguments, so that pages word it in the reader's
 * language (message key {@code panels.infeasible.<code>}) while the command line prints {@link #english()}. A stored
 * line that is not a coded reason (an older run, a failure message) reads back as itself.
 */
public record InfeasibilityReason(String code, List<String> args) {

    private static final char SEPARATOR = '\u001F';
    private static final String RAW = "raw";
    private static final Map<String, String> ENGLISH = Map.of(
            "minimums", "{0}: the minimums add up to {1} but the panel has {2} seats.",
            "maximums", "{0}: the maximums add up to {1} but the panel has {2} seats.",
            "available", "Only {0} volunteers have {1} = \"{2}\" but the minimum is {3}.",
            "availableHouseholds", "Only {0} volunteers from different households have {1} = \"{2}\" but the minimum is {3}.",
            "households", "Only {0} volunteers live in different households but the panel has {1} seats.",
            "conflict", "The quotas cannot all hold together: they conflict through volunteers who count in several features.",
            "noRelaxation", "No relaxation within min_flex/max_flex makes a panel possible.",
            "relaxation", "Smallest relaxation that makes a panel possible:",
            "relaxMin", "  {0} = \"{1}\": minimum {2} → {3}",
            "relaxMax", "  {0} = \"{1}\": maximum {2} → {3}");

    public InfeasibilityReason {
        args = List.copyOf(args);
    }

    static InfeasibilityReason of(String code, Object... args) {
        return new InfeasibilityReason(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public String english() {
        String pattern = ENGLISH.get(code);
        return pattern == null ? String.join(" ", args)
                : new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args.toArray());
    }

    /** The message key pages use, or null for a line kept as it was written. */
    public String messageKey() {
        return ENGLISH.containsKey(code) ? "panels.infeasible." + code : null;
    }

    String stored() {
        StringBuilder line = new StringBuilder(code);
        args.forEach(arg -> line.append(SEPARATOR).append(arg.replace('\n', ' ').replace(SEPARATOR, ' ')));
        return line.toString();
    }

    static InfeasibilityReason read(String line) {
        String[] parts = line.split(String.valueOf(SEPARATOR), -1);
        if (parts.length == 1 && !ENGLISH.containsKey(line)) {
            return new InfeasibilityReason(RAW, List.of(line));
        }
        return new InfeasibilityReason(parts[0], List.of(parts).subList(1, parts.length));
    }
}
