package org.agora.panels;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared public instances ({@code ../shared/data/sortition}, relative to the project directory; present in CI).
 * No timing assertion: the times are reported in docs/benchmarks.md.
 */
class SortitionConformanceTests {

    static final Path DATA = Path.of("../shared/data/sortition");

    @BeforeAll
    static void requireTheSharedData() {
        assumeTrue(Files.isDirectory(DATA), "Shared sortition data absent (" + DATA.toAbsolutePath()
                + "): the conformance checks are skipped; they run in CI, where the folder is present.");
    }

    static Instance instance(String folder, int k, String quotaFile, String poolFile) throws IOException {
        Path dir = DATA.resolve(folder);
        List<Quota> quotas;
        try (Reader reader = Files.newBufferedReader(dir.resolve(quotaFile))) {
            quotas = PanelFiles.readQuotas(reader);
        }
        try (Reader reader = Files.newBufferedReader(dir.resolve(poolFile))) {
            return new Instance(k, quotas, PanelFiles.readPool(reader, quotas, List.of()));
        }
    }

    @Test
    void givesEveryoneTenPercentOnTheSmallReplicationInstance() throws IOException {
        Instance instance = instance("citizensassemblies-replication/example_small_20", 20, "categories.csv", "respondents.csv");

        SelectionResult leximin = PanelSelection.select(instance, Algorithm.LEXIMIN);
        SelectionResult legacy = PanelSelection.select(instance, Algorithm.LEGACY);

        assertThat(leximin.minProbability()).isCloseTo(0.10, within(1e-4));
        assertThat(legacy.minProbability()).as("paper: LEGACY min at most 1.21 percent").isLessThan(0.02);
        LeximinTests.assertConsistent(leximin, instance);
    }

    @Test
    void givesEveryoneTenPercentOnTheLargeReplicationInstance() throws IOException {
        Instance instance = instance("citizensassemblies-replication/example_large_200", 200, "categories.csv", "respondents.csv");

        SelectionResult leximin = PanelSelection.select(instance, Algorithm.LEXIMIN);
        SelectionResult legacy = PanelSelection.select(instance, Algorithm.LEGACY);

        assertThat(leximin.minProbability()).isCloseTo(0.10, within(1e-4));
        assertThat(leximin.gini()).isCloseTo(0, within(1e-4));
        assertThat(legacy.minProbability()).as("paper: LEGACY min at most 0.25 percent").isLessThan(0.005);
        LeximinTests.assertConsistent(leximin, instance);
        Lottery lottery = Lottery.round(leximin, 1000);
        assertThat(lottery.maxDeviation()).isLessThanOrEqualTo(lottery.bound());
        assertThat(lottery.bound()).isLessThanOrEqualTo(0.01);
        System.out.printf("example_large_200: LEXIMIN %.2f s, LEGACY min %.4f in %.2f s, lottery bound %.4f, deviation %.4f%n",
                leximin.seconds(), legacy.minProbability(), legacy.seconds(), lottery.bound(), lottery.maxDeviation());
    }

    @Test
    void findsAFairDistributionForTheMonitoringFixtureOfThirtySeats() throws IOException {
        Instance instance = instance("opendlp-monitoring", 30, "categories.csv", "respondents.csv");

        SelectionResult leximin = PanelSelection.select(instance, Algorithm.LEXIMIN);

        assertThat(leximin.minProbability()).isGreaterThan(0);
        LeximinTests.assertConsistent(leximin, instance);
        System.out.printf("opendlp-monitoring k=30: min %.4f, gini %.4f, %.2f s, %d panels%n",
                leximin.minProbability(), leximin.gini(), leximin.seconds(), leximin.panels().size());
    }
}
