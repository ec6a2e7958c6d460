package org.agora.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongPassphrase() {
        assertThat(policy.check("la Loire coule vers Nantes", "Camille", "camille@example.org")).isEmpty();
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThat(policy.check("Tours-37000", "Camille", "c@example.org")).contains("accounts.password.tooShort");
    }

    @Test
    void refusesPasswordsLongerThan128Characters() {
        assertThat(policy.check("a".repeat(60) + "b".repeat(69), "Camille", "c@example.org")).contains("accounts.password.tooLong");
    }

    @Test
    void refusesWellKnownPasswordsEvenPaddedWithDigitsOrSymbols() {
        assertThat(policy.check("password1234", "Camille", "c@example.org")).contains("accounts.password.common");
        assertThat(policy.check("azertyuiop123!", "Camille", "c@example.org")).contains("accounts.password.common");
        assertThat(policy.check("MotDePasse2026", "Camille", "c@example.org")).contains("accounts.password.common");
        assertThat(policy.check("123456789012", "Camille", "c@example.org")).contains("accounts.password.common");
        assertThat(policy.check("aaaaaaaaaaaaaaa", "Camille", "c@example.org")).contains("accounts.password.common");
    }

    @Test
    void refusesPasswordsThatContainThePseudonymOrTheAddress() {
        assertThat(policy.check("jesuisCamille2026", "Camille", "x@example.org")).contains("accounts.password.personal");
        assertThat(policy.check("bonjour-jdupont-45", "Camille", "jdupont@example.org")).contains("accounts.password.personal");
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(policy.check("  ", "Camille", "c@example.org")).contains("accounts.password.required");
    }
}
