package org.agora.panels;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar target/agora.jar panels …}: panel selection, lottery and verification from the command line,
 * without starting the web application (see docs/panels.md). Exit codes: 0 done, 2 the input cannot be used (wrong
 * options, bad files with every problem and its line, infeasible quotas, a hash that does not match), 1 anything else.
 */
public final class PanelCommand {

    static final String USAGE = """
            Usage:
              panels select --quotas Q.csv --pool P.csv --size K [--algorithm leximin|legacy] [--seed N]
                            [--household-columns a,b] [--out result.json]
                  Chooses a distribution over panels (LEXIMIN by default; LEGACY estimates its probabilities from
                  10,000 seeded greedy draws), prints a one-line summary and writes the JSON result.
              panels lottery --result result.json [--panels 1000] --out lottery.csv
                  Rounds the distribution to a uniform lottery over M panels, writes the file to publish and prints
                  its SHA-256 and the bound on how far any probability moved.
              panels verify --lottery lottery.csv --seed "<public seed>" [--sha256 <hex>]
                  Checks the published file's SHA-256 and prints the drawn index and its members.
            Quota files: feature,value,min,max[,min_flex,max_flex] (or category,name,min,max) or the replication
            format category,feature,min,max. Pool files: an id column (id, unique_id, ...) and one column per
            feature, or no id column (the 0-based row index is the id). Exit codes: 0 done, 2 unusable input, 1 other.
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PanelCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        if (!words.isEmpty() && words.getFirst().equals("panels")) {
            words.removeFirst();
        }
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.getFirst().equals("help")) {
            out.print(USAGE);
            return words.isEmpty() ? 2 : 0;
        }
        String command = words.removeFirst();
        try {
            return switch (command) {
                case "select" -> select(options(words, Set.of("quotas", "pool", "size", "algorithm", "seed", "household-columns", "out")), out);
                case "lottery" -> lottery(options(words, Set.of("result", "panels", "out")), out);
                case "verify" -> verify(options(words, Set.of("lottery", "seed", "sha256")), out, err);
                default -> throw new UsageException("Unknown command \"" + command + "\".");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (FileRejected e) {
            err.println(e.file + " cannot be used:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        } catch (InfeasibleQuotasException e) {
            err.println("No panel satisfies the quotas:");
            e.explanation().forEach(line -> err.println("  " + line));
            if (!e.relaxedQuotas().isEmpty()) {
                err.println("Relaxed quotas (feature,value,min,max):");
                e.relaxedQuotas().forEach(q -> err.println("  " + q.feature() + "," + q.value() + "," + q.min() + "," + q.max()));
            }
            return 2;
        } catch (InputException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("panels " + command + " failed: " + e);
            return 1;
        }
    }

    private static int select(Map<String, String> options, PrintStream out) {
        Path quotaPath = Path.of(required(options, "quotas"));
        Path poolPath = Path.of(required(options, "pool"));
        int size = integer(options, "size", required(options, "size"));
        Algorithm algorithm = switch (options.getOrDefault("algorithm", "leximin").toLowerCase(Locale.ROOT)) {
            case "leximin" -> Algorithm.LEXIMIN;
            case "legacy" -> Algorithm.LEGACY;
            default -> throw new UsageException("--algorithm must be leximin or legacy.");
        };
        long seed = options.containsKey("seed") ? integer(options, "seed", options.get("seed")) : PanelSelection.DEFAULT_SEED;
        List<String> householdColumns = options.containsKey("household-columns")
                ? Arrays.stream(options.get("household-columns").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        List<Quota> quotas = read(quotaPath, PanelFiles::readQuotas);
        List<Respondent> pool = read(poolPath, reader -> PanelFiles.readPool(reader, quotas, householdColumns));
        Instance instance;
        try {
            instance = new Instance(size, quotas, pool);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        SelectionResult result = PanelSelection.select(instance, algorithm, seed);
        out.printf(Locale.ROOT, "%s n=%d k=%d min probability=%.4f gini=%.4f below k/n=%.4f panels=%d seconds=%.2f%n",
                result.algorithm(), result.n(), result.k(), result.minProbability(), result.gini(),
                result.shareBelow((double) result.k() / result.n()), result.panels().size(), result.seconds());
        if (options.containsKey("out")) {
            write(Path.of(options.get("out")), toJson(result));
        }
        return 0;
    }

    private static int lottery(Map<String, String> options, PrintStream out) {
        Path resultPath = Path.of(required(options, "result"));
        Path outPath = Path.of(required(options, "out"));
        int m = options.containsKey("panels") ? integer(options, "panels", options.get("panels")) : 1000;
        if (m <= 0) {
            throw new UsageException("--panels must be positive.");
        }
        SelectionResult result = fromJson(resultPath, readText(resultPath));
        Lottery lottery = Lottery.round(result, m);
        String csv = lottery.csv(Function.identity());
        write(outPath, csv);
        out.printf(Locale.ROOT, "%s: %d panels, sha256 %s, bound %.6f, max deviation %.6f%n",
                outPath, m, Lottery.sha256Hex(csv), lottery.bound(), lottery.maxDeviation());
        return 0;
    }

    private static int verify(Map<String, String> options, PrintStream out, PrintStream err) {
        Path lotteryPath = Path.of(required(options, "lottery"));
        String seed = required(options, "seed");
        String text = readText(lotteryPath);
        String sha = Lottery.sha256Hex(text);
        if (options.containsKey("sha256") && !options.get("sha256").strip().equalsIgnoreCase(sha)) {
            err.println("The SHA-256 of " + lotteryPath + " is " + sha + ", not the published " + options.get("sha256").strip()
                    + ": this is not the published file.");
            return 2;
        }
        List<List<String>> panels;
        try {
            panels = Lottery.parse(text);
        } catch (PanelFileException e) {
            throw new FileRejected(lotteryPath, e.problems());
        }
        int index = Lottery.drawIndex(sha, seed, panels.size());
        out.println("sha256 " + sha + (options.containsKey("sha256") ? " (matches)" : ""));
        out.println("panels " + panels.size());
        out.println("seed \"" + seed.strip() + "\"");
        out.println("drawn index " + index);
        out.println("members " + String.join(" ", panels.get(index)));
        return 0;
    }

    static String toJson(SelectionResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", result.algorithm().name());
        root.put("n", result.n());
        root.put("k", result.k());
        root.put("minProbability", result.minProbability());
        root.put("gini", result.gini());
        ObjectNode probabilities = root.putObject("probabilities");
        result.probabilities().forEach(probabilities::put);
        var panels = root.putArray("panels");
        for (WeightedPanel panel : result.panels()) {
            ObjectNode node = panels.addObject();
            node.put("probability", panel.probability());
            var members = node.putArray("members");
            panel.members().forEach(members::add);
        }
        root.put("seconds", result.seconds());
        return JSON.writeValueAsString(root) + "\n";
    }

    static SelectionResult fromJson(Path path, String text) {
        try {
            JsonNode root = JSON.readTree(text);
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (var entry : root.required("probabilities").properties()) {
                probabilities.put(entry.getKey(), entry.getValue().asDouble());
            }
            var panels = new ArrayList<WeightedPanel>();
            for (JsonNode panel : root.required("panels")) {
                var members = new ArrayList<String>();
                panel.required("members").forEach(m -> members.add(m.asString()));
                panels.add(new WeightedPanel(panel.required("probability").asDouble(), members));
            }
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("it holds no panel");
            }
            return new SelectionResult(Algorithm.valueOf(root.required("algorithm").asString().toUpperCase(Locale.ROOT)),
                    root.required("n").asInt(), root.required("k").asInt(), probabilities, panels,
                    root.path("seconds").asDouble(0));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InputException(path + " is not a selection result written by \"panels select\": " + e.getMessage());
        }
    }

    private static Map<String, String> options(List<String> words, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new UsageException("Unexpected argument \"" + word + "\".");
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw new UsageException("Unknown option --" + name + ".");
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("--" + name + " needs a value.");
                }
                value = words.get(++i);
            }
            options.put(name, value);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required.");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got \"" + value + "\".");
        }
    }

    private static <T> T read(Path path, Function<Reader, T> parser) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parser.apply(reader);
        } catch (PanelFileException e) {
            throw new FileRejected(path, e.problems());
        } catch (IOException e) {
            throw new InputException(cannotRead(path, e));
        }
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(cannotRead(path, e));
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("Cannot write " + path + ": " + e.getMessage());
        }
    }

    private static String cannotRead(Path path, IOException e) {
        return e instanceof NoSuchFileException ? "Cannot read " + path + ": no such file." : "Cannot read " + path + ": " + e.getMessage();
    }

    private static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    /** A file's problems with the file's name, for the command's message. */
    private static final class FileRejected extends RuntimeException {
        final Path file;
        final List<FileProblem> problems;

        FileRejected(Path file, List<FileProblem> problems) {
            super(file + ": " + problems);
            this.file = file;
            this.problems = problems;
        }

        List<FileProblem> problems() {
            return problems;
        }
    }
}
