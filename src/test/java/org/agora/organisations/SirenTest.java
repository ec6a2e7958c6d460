package org.agora.organisations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SirenTest {

    @Test
    void acceptsNineDigitsWithARightLuhnKey() {
        assertThat(Siren.valid("732829320")).isTrue();
        assertThat(Siren.valid("552100554")).isTrue();
        assertThat(Siren.valid(Siren.normalised("552 100 554"))).isTrue();
    }

    @Test
    void refusesAWrongKeyOrAnythingButNineDigits() {
        assertThat(Siren.valid("732829321")).isFalse();
        assertThat(Siren.valid("73282932")).isFalse();
        assertThat(Siren.valid("7328293200")).isFalse();
        assertThat(Siren.valid("73282932A")).isFalse();
        assertThat(Siren.valid("")).isFalse();
        assertThat(Siren.valid(null)).isFalse();
    }

    @Test
    void givesTheSameNameKeyIgnoringCaseAccentsAndPunctuation() {
        assertThat(Organisation.key("Association  Les Amis-du-Loir"))
                .isEqualTo(Organisation.key("association les amis du loir"))
                .isEqualTo("association les amis du loir");
        assertThat(Organisation.key("École Élémentaire")).isEqualTo("ecole elementaire");
    }
}
