package org.agora.panels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PanelCommandTests {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return PanelCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path copy(String fixture) throws IOException {
        Path target = dir.resolve(fixture);
        try (InputStream in = PanelCommandTests.class.getResourceAsStream("/panels/" + fixture)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void selectPrintsASummaryAndWritesTheResultAsJson() throws IOException {
        Path quotas = copy("loiret-quotas.csv");
        Path pool = copy("loiret-pool.csv");
        Path result = dir.resolve("result.json");

        int code = run("panels", "select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "5",
                "--household-columns", "address,postcode", "--out", result.toString());

        assertThat(code).as(err()).isZero();
        assertThat(out()).startsWith("LEXIMIN n=10 k=5 min probability=").contains("gini=").contains("seconds=");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(result));
        assertThat(json.get("algorithm").asString()).isEqualTo("LEXIMIN");
        assertThat(json.get("n").asInt()).isEqualTo(10);
        assertThat(json.get("k").asInt()).isEqualTo(5);
        assertThat(json.get("minProbability").isNumber()).isTrue();
        assertThat(json.get("seconds").isNumber()).isTrue();
        var ids = new ArrayList<String>();
        json.get("probabilities").properties().forEach(e -> ids.add(e.getKey()));
        assertThat(ids).containsExactly("L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08", "L09", "L10");
        double total = 0;
        for (JsonNode panel : json.get("panels")) {
            total += panel.get("probability").asDouble();
            assertThat(panel.get("members")).hasSize(5);
        }
        assertThat(total).isCloseTo(1, within(1e-9));
    }

    @Test
    void legacyWithTheSameSeedWritesTheSameProbabilities() throws IOException {
        Path quotas = copy("loiret-quotas.csv");
        Path pool = copy("loiret-pool.csv");

        run("select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "5", "--algorithm", "legacy",
                "--seed", "9", "--out", dir.resolve("a.json").toString());
        int code = run("select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "5", "--algorithm", "LEGACY",
                "--seed", "9", "--out", dir.resolve("b.json").toString());

        assertThat(code).isZero();
        assertThat(out()).startsWith("LEGACY n=10 k=5");
        var mapper = JsonMapper.builder().build();
        assertThat(mapper.readTree(Files.readString(dir.resolve("b.json"))).get("probabilities"))
                .isEqualTo(mapper.readTree(Files.readString(dir.resolve("a.json"))).get("probabilities"));
    }

    @Test
    void badFilesExitWithTwoAndEveryProblemWithItsLine() throws IOException {
        Path quotas = copy("broken-quotas.csv");
        Path pool = copy("loiret-pool.csv");

        int code = run("select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "5");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("broken-quotas.csv cannot be used:")
                .contains("line 2: min (3) is greater than max (2)")
                .contains("line 3: \"min\" is not a whole number: \"deux\"")
                .contains("line 6: max_flex (1) is less than max (2)");
    }

    @Test
    void infeasibleQuotasExitWithTwoAndTheExplanationAndTheRelaxation() throws IOException {
        Path quotas = dir.resolve("quotas.csv");
        Files.writeString(quotas, "feature,value,min,max\ngenre,femme,4,5\ngenre,homme,3,5\n");
        Path pool = copy("loiret-pool.csv");

        int code = run("select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "6");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("No panel satisfies the quotas:")
                .contains("genre: the minimums add up to 7 but the panel has 6 seats.")
                .contains("Relaxed quotas (feature,value,min,max):");
    }

    @Test
    void wrongUsageExitsWithTwoAndTheUsage() {
        assertThat(run("select", "--quotas", "q.csv", "--pool", "p.csv")).isEqualTo(2);
        assertThat(err()).contains("--size is required.").contains("Usage:");
        assertThat(run("select", "--colour", "blue")).isEqualTo(2);
        assertThat(err()).contains("Unknown option --colour.");
        assertThat(run("select", "--quotas", "missing.csv", "--pool", "p.csv", "--size", "x")).isEqualTo(2);
        assertThat(err()).contains("--size must be a whole number");
        assertThat(run("select", "--quotas", dir.resolve("missing.csv").toString(), "--pool", "p.csv", "--size", "3")).isEqualTo(2);
        assertThat(err()).contains("no such file");
        assertThat(run("panels", "--help")).isZero();
        assertThat(out()).contains("panels verify --lottery");
    }

    @Test
    void aLotteryWrittenByTheCommandIsVerifiedAgainstItsHashAndSeed() throws IOException {
        Path quotas = copy("loiret-quotas.csv");
        Path pool = copy("loiret-pool.csv");
        Path result = dir.resolve("result.json");
        Path lottery = dir.resolve("lottery.csv");
        run("select", "--quotas", quotas.toString(), "--pool", pool.toString(), "--size", "5", "--out", result.toString());

        int code = run("lottery", "--result", result.toString(), "--panels", "100", "--out", lottery.toString());

        assertThat(code).as(err()).isZero();
        String published = Lottery.sha256Hex(Files.readString(lottery));
        assertThat(out()).contains("100 panels").contains("sha256 " + published).contains("bound ");
        assertThat(run("verify", "--lottery", lottery.toString(), "--seed", "EuroMillions 2026-12-04", "--sha256", published)).isZero();
        int index = Lottery.drawIndex(published, "EuroMillions 2026-12-04", 100);
        List<String> drawn = Lottery.parse(Files.readString(lottery)).get(index);
        assertThat(out()).contains("drawn index " + index).contains("members " + String.join(" ", drawn)).contains("(matches)");

        Files.writeString(lottery, Files.readString(lottery).replaceFirst("\n0,", "\n0,L99 "));
        assertThat(run("verify", "--lottery", lottery.toString(), "--seed", "EuroMillions 2026-12-04", "--sha256", published)).isEqualTo(2);
        assertThat(err()).contains("this is not the published file");
    }

    @Test
    void aFileThatIsNotAResultIsRefusedWithTwo() throws IOException {
        Path result = dir.resolve("result.json");
        Files.writeString(result, "{\"algorithm\": \"LEXIMIN\"}");

        assertThat(run("lottery", "--result", result.toString(), "--out", dir.resolve("l.csv").toString())).isEqualTo(2);
        assertThat(err()).contains("is not a selection result");
    }
}
