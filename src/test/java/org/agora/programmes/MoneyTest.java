package org.agora.programmes;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void awardsTheRateOfTheEligibleCostRoundedToTheEuro() {
        assertThat(Money.award(10_000_00L, 60, 20_000_00L)).isEqualTo(6_000_00L);
        // 60 % of 1,234.56 € is 740.736 €: 741 €.
        assertThat(Money.award(1_234_56L, 60, 20_000_00L)).isEqualTo(741_00L);
        // 60 % of 1,000.75 € is 600.45 €: 600 €.
        assertThat(Money.award(1_000_75L, 60, 20_000_00L)).isEqualTo(600_00L);
    }

    @Test
    void capsTheAward() {
        assertThat(Money.award(50_000_00L, 60, 20_000_00L)).isEqualTo(20_000_00L);
        assertThat(Money.award(33_333_34L, 60, 20_000_00L)).isEqualTo(20_000_00L);
        assertThat(Money.award(0, 60, 20_000_00L)).isZero();
    }

    @Test
    void refusesNegativeAmountsAndRatesOutOfRange() {
        assertThatThrownBy(() -> Money.award(-1, 60, 20_000_00L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.award(100, 101, 20_000_00L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTypedEurosAndRefusesNegativeOrAbsurdOnes() {
        assertThat(Money.parseEuros("12 345,67")).contains(12_345_67L);
        assertThat(Money.parseEuros("12345.5")).contains(12_345_50L);
        assertThat(Money.parseEuros("20 000 €")).contains(20_000_00L);
        assertThat(Money.parseEuros("-5")).isEmpty();
        assertThat(Money.parseEuros("1,234")).isEmpty();
        assertThat(Money.parseEuros("100000001")).isEmpty();
        assertThat(Money.parseEuros("abc")).isEmpty();
    }

    @Test
    void showsAmountsInTheLanguageOfThePage() {
        assertThat(Money.format(20_000_00L, Locale.FRENCH).replaceAll("[\\s\\u00a0\\u202f]", " ")).isEqualTo("20 000 €");
        assertThat(Money.format(1_234_50L, Locale.ENGLISH)).isEqualTo("€1,234.50");
    }
}
