package org.agora.accounts;

import java.util.List;

import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
@SpringBootTest(properties = "agora.demo-data=false")
class IdentityProviderSignInTest {

    @Autowired AccountManagement accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aVerifiedAddressLinksTheIdentityToTheExistingAccount() {
        AccountId existing = accounts.ensureAccount("alice@example.org", "Alice", "la Loire coule vers Nantes", "fr", List.of());

        AgoraUser user = accounts.signInWithIdentity("https://idp.example|sub-1", "Alice@Example.org", true, "alice", "Alice");

        assertThat(user.id()).isEqualTo(existing);
        assertThat(accounts.signInWithIdentity("https://idp.example|sub-1", null, false, null, null).id()).isEqualTo(existing);
    }

    @Test
    void anUnverifiedAddressNeverTakesOverAnExistingAccount() {
        AccountId existing = accounts.ensureAccount("bruno@example.org", "Bruno", "la Loire coule vers Nantes", "fr", List.of());

        AgoraUser user = accounts.signInWithIdentity("https://idp.example|sub-2", "bruno@example.org", false, "bruno", "Bruno");

        assertThat(user.id()).isNotEqualTo(existing);
        assertThat(user.email()).endsWith("@identity.invalid");
        assertThat(user.pseudonym()).isEqualTo("bruno-2");
    }

    @Test
    void aNewIdentityGetsAConfirmedAccountWithAFreePseudonym() {
        accounts.ensureAccount("chloe@example.org", "Chloé", "la Loire coule vers Nantes", "fr", List.of());

        AgoraUser user = accounts.signInWithIdentity("https://idp.example|sub-3", "chloe.new@example.org", true, "Chloé", null);

        assertThat(user.pseudonym()).isEqualTo("Chloé-2");
        assertThat(user.email()).isEqualTo("chloe.new@example.org");
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE email = 'chloe.new@example.org'", String.class)).isEqualTo("ACTIVE");
    }
}
