package org.agora.panels;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotteryTests {

    static final SelectionResult LOIRET = PanelSelection.select(PanelSelectionTests.loiret(5, true), Algorithm.LEXIMIN);

    @Test
    void roundsToExactlyMPanelsOfTheDistributionWithinTheStatedBound() {
        Lottery lottery = Lottery.round(LOIRET, 1000);

        assertThat(lottery.panels()).hasSize(1000);
        var support = new HashSet<List<String>>();
        LOIRET.panels().forEach(p -> support.add(p.members()));
        assertThat(support).containsAll(lottery.panels());
        Map<String, Integer> seats = new HashMap<>();
        lottery.panels().forEach(p -> p.forEach(id -> seats.merge(id, 1, Integer::sum)));
        double largest = 0;
        for (var entry : LOIRET.probabilities().entrySet()) {
            largest = Math.max(largest, Math.abs(seats.getOrDefault(entry.getKey(), 0) / 1000.0 - entry.getValue()));
        }
        assertThat(lottery.maxDeviation()).isEqualTo(largest);
        assertThat(lottery.maxDeviation()).isLessThanOrEqualTo(lottery.bound());
        assertThat(lottery.bound()).isLessThan(0.05);
    }

    @Test
    void keepsTheBoundOnLegacyEstimatesToo() {
        SelectionResult legacy = PanelSelection.select(PanelSelectionTests.loiret(5, true), Algorithm.LEGACY, 7);

        Lottery lottery = Lottery.round(legacy, 250);

        assertThat(lottery.panels()).hasSize(250);
        assertThat(lottery.maxDeviation()).isLessThanOrEqualTo(lottery.bound());
    }

    @Test
    void publishesOneSortedLineOfPseudonymsPerPanelAndReadsItBack() {
        Lottery lottery = Lottery.round(LOIRET, 20);

        String csv = lottery.csv(id -> "P" + id.substring(1));

        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(21);
        assertThat(lines[0]).isEqualTo("index,members");
        assertThat(lines[1]).startsWith("0,P");
        List<String> first = List.of(lines[1].substring(2).split(" "));
        assertThat(first).isSorted().hasSize(5);
        assertThat(Lottery.parse(csv)).hasSize(20).element(0).isEqualTo(first);
        assertThat(csv).endsWith("\n");
    }

    @Test
    void refusesPseudonymsThatWouldBreakTheFile() {
        Lottery lottery = Lottery.round(LOIRET, 3);

        assertThatThrownBy(() -> lottery.csv(id -> "a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsMalformedLotteryLines() {
        assertThatThrownBy(() -> Lottery.parse("index,members\n0,a b\n5,c d\n"))
                .isInstanceOf(PanelFileException.class)
                .hasMessageContaining("line 3: Expected \"1,<members>\".");
    }

    @Test
    void hashesLikeSha256sum() {
        assertThat(Lottery.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void drawsTheIndexFromTheHashAndTheSeedReproducibly() throws Exception {
        String published = Lottery.sha256Hex("index,members\n0,a b\n");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((published + "\nLoto 2026-12-05 : 7 12 23 31 44 / 3").getBytes(StandardCharsets.UTF_8));
        int expected = new BigInteger(1, digest).mod(BigInteger.valueOf(1000)).intValue();

        assertThat(Lottery.drawIndex(published, "  Loto 2026-12-05 : 7 12 23 31 44 / 3 \n", 1000)).isEqualTo(expected);
        assertThat(Lottery.drawIndex(published.toUpperCase(), "Loto 2026-12-05 : 7 12 23 31 44 / 3", 1000)).isEqualTo(expected);
        var indexes = new HashSet<Integer>();
        for (int seed = 0; seed < 50; seed++) {
            int index = Lottery.drawIndex(published, "seed " + seed, 1000);
            assertThat(index).isBetween(0, 999);
            indexes.add(index);
        }
        assertThat(indexes.size()).isGreaterThan(40);
    }
}
