package org.agora.panels;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A selection distribution rounded to a uniform lottery over {@code m} panels, the file published before the draw,
 * and the draw rule (see docs/panels.md).
 * <p>
 * Rounding: the panels are laid end to end on [0, 1) in the distribution's order, each as long as its probability,
 * and the lottery takes the panels found at the m points (j + ½)/m, j = 0 … m−1. Each person's panels cover a union
 * of r intervals of total length p (r = the number of maximal runs of consecutive panels holding the person); an
 * interval of length L holds ⌊Lm⌋ or ⌈Lm⌉ points, so the person sits on between pm − r and pm + r of the m panels,
 * and their probability moves by less than r/m. {@link #bound()} is max r / m over the pool; LEXIMIN orders its
 * panels so that r stays small (at most twice the number of type-level panels holding the person's type).
 */
public final class Lottery {

    private final List<List<String>> panels;
    private final double maxDeviation;
    private final double bound;

    private Lottery(List<List<String>> panels, double maxDeviation, double bound) {
        this.panels = panels;
        this.maxDeviation = maxDeviation;
        this.bound = bound;
    }

    public static Lottery round(SelectionResult result, int m) {
        if (m <= 0) {
            throw new IllegalArgumentException("A lottery needs at least one panel, got " + m + ".");
        }
        List<WeightedPanel> support = result.panels().stream().filter(p -> p.probability() > 0).toList();
        if (support.isEmpty()) {
            throw new IllegalArgumentException("The selection has no panel to draw from.");
        }
        double total = support.stream().mapToDouble(WeightedPanel::probability).sum();
        var panels = new ArrayList<List<String>>(m);
        double start = 0;
        int index = 0;
        for (int j = 0; j < m; j++) {
            double point = (j + 0.5) / m;
            while (index < support.size() - 1 && start + support.get(index).probability() / total <= point) {
                start += support.get(index).probability() / total;
                index++;
            }
            panels.add(support.get(index).members());
        }
        Map<String, Integer> seats = new HashMap<>();
        for (List<String> panel : panels) {
            for (String id : panel) {
                seats.merge(id, 1, Integer::sum);
            }
        }
        double deviation = 0;
        for (var entry : result.probabilities().entrySet()) {
            double lottery = seats.getOrDefault(entry.getKey(), 0) / (double) m;
            deviation = Math.max(deviation, Math.abs(lottery - entry.getValue()));
        }
        Map<String, Integer> runs = new HashMap<>();
        List<String> previous = List.of();
        for (WeightedPanel panel : support) {
            var before = new java.util.HashSet<>(previous);
            for (String id : panel.members()) {
                if (!before.contains(id)) {
                    runs.merge(id, 1, Integer::sum);
                }
            }
            previous = panel.members();
        }
        int longest = runs.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return new Lottery(List.copyOf(panels), deviation, (double) longest / m);
    }

    /** Exactly m panels, each drawn with probability 1/m. */
    public List<List<String>> panels() {
        return panels;
    }

    /** The largest |lottery probability − selection probability| over the pool, as actually incurred. */
    public double maxDeviation() {
        return maxDeviation;
    }

    /** The guaranteed bound on that deviation for this lottery: (largest number of runs of a person) / m. */
    public double bound() {
        return bound;
    }

    /**
     * The published file: a header {@code index,members}, then one line per panel, {@code <index>,<members>} with the
     * index from 0 to m−1 and the pseudonymised members sorted and separated by single spaces; UTF-8, "\n" line ends.
     */
    public String csv(Function<String, String> pseudonym) {
        var text = new StringBuilder("index,members\n");
        for (int i = 0; i < panels.size(); i++) {
            String[] members = panels.get(i).stream().map(pseudonym).toArray(String[]::new);
            for (String member : members) {
                if (member.isEmpty() || member.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '"')) {
                    throw new IllegalArgumentException("A pseudonym may not be empty nor hold spaces, commas or quotes: \"" + member + "\".");
                }
            }
            Arrays.sort(members);
            text.append(i).append(',').append(String.join(" ", members)).append('\n');
        }
        return text.toString();
    }

    /** The panels of a published file, by index; a {@link PanelFileException} lists every malformed line. */
    public static List<List<String>> parse(String csv) {
        String[] lines = csv.split("\n", -1);
        var problems = new ArrayList<FileProblem>();
        if (lines.length == 0 || !lines[0].strip().equals("index,members")) {
            problems.add(new FileProblem(1, "The lottery file must start with the header \"index,members\"."));
        }
        var panels = new ArrayList<List<String>>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            String index = comma < 0 ? line : line.substring(0, comma);
            if (comma < 0 || !index.equals(Integer.toString(panels.size()))) {
                problems.add(new FileProblem(i + 1, "Expected \"" + panels.size() + ",<members>\"."));
                panels.add(List.of());
                continue;
            }
            String members = line.substring(comma + 1).strip();
            panels.add(members.isEmpty() ? List.of() : List.of(members.split(" ")));
        }
        if (panels.isEmpty()) {
            problems.add(new FileProblem(0, "The lottery file holds no panel."));
        }
        if (!problems.isEmpty()) {
            throw new PanelFileException(problems);
        }
        return List.copyOf(panels);
    }

    /** The lower-case hexadecimal SHA-256 of the text's UTF-8 bytes (what {@code sha256sum} prints for the file). */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The drawn panel: SHA-256 of the published file's hash (lower-case hex), a line feed and the public seed (spaces
     * around it removed), read as an unsigned big-endian number, modulo m.
     */
    public static int drawIndex(String publishedSha256, String seed, int m) {
        if (m <= 0) {
            throw new IllegalArgumentException("m must be positive.");
        }
        byte[] digest = sha256((publishedSha256.strip().toLowerCase(java.util.Locale.ROOT) + "\n" + seed.strip())
                .getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, digest).mod(BigInteger.valueOf(m)).intValue();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
