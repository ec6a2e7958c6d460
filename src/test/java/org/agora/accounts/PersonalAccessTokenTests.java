package org.agora.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.shared.Clocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal access tokens: created and revoked by their owner, stored hashed, shown once, refused once unusable. */
@AgoraTest
class PersonalAccessTokenTests {

    private static final Pattern SECRET = Pattern.compile("agora_pat_[A-Za-z0-9_-]{43}");

    @Autowired MockMvc mvc;
    @Autowired AccessTokens tokens;
    @Autowired AccountManagement accounts;
    @Autowired JdbcTemplate jdbc;

    People people;

    @BeforeEach
    void setUp() {
        people = new People(accounts);
    }

    @Test
    void storesOnlyTheHashOfANewTokenAndShowsItOnce() throws Exception {
        AgoraUser owner = people.participant();
        String page = mvc.perform(post("/account/tokens").with(as(owner)).with(csrf())
                        .param("name", "Application du quartier Saint-Marceau").param("scopes", "supports:write", "comments:write"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        Matcher found = SECRET.matcher(page);
        assertThat(found.find()).as("the secret is on the creation page").isTrue();
        String secret = found.group();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM personal_access_token WHERE account_id = ?", owner.id().value());
        assertThat(row.get("token_hash")).isEqualTo(Secrets.hash(secret));
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(secret.substring(16)));
        assertThat(row.get("token_prefix")).isEqualTo(secret.substring(0, 16));
        assertThat(row.get("scopes")).isEqualTo("supports:write comments:write");

        String list = mvc.perform(get("/account/tokens").with(as(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Application du quartier Saint-Marceau").contains(secret.substring(0, 16))
                .doesNotContain(secret);
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(holder -> {
            assertThat(holder.account()).isEqualTo(owner.id());
            assertThat(holder.scopes()).containsExactlyInAnyOrder(TokenScope.SUPPORTS_WRITE, TokenScope.COMMENTS_WRITE);
        });
    }

    @Test
    void refusesATokenWithoutNameOrPermissionOrWithAPastOrMalformedExpiry() throws Exception {
        AgoraUser owner = people.participant();
        mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "").param("expiresOn", "hier"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("Donnez un nom au jeton.")))
                .andExpect(content().string(containsString("Cochez au moins une autorisation.")))
                .andExpect(content().string(containsString("id=\"expiresOn-error\"")));
        mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "Hier")
                        .param("scopes", "proposals:write").param("expiresOn", LocalDate.now(Clocks.PARIS).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("La date d’expiration doit être postérieure à aujourd’hui.")));
        mvc.perform(post("/account/tokens").with(as(owner)).with(csrf()).param("name", "Tout")
                        .param("scopes", "admin:write"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_access_token WHERE account_id = ?", Long.class,
                owner.id().value())).isZero();
    }

    @Test
    void aRevokedTokenStopsWorkingAndOnlyItsOwnerMayRevokeIt() throws Exception {
        AgoraUser owner = people.participant();
        AgoraUser stranger = people.participant();
        AccessTokens.Created created = tokens.create(owner.id(), "Borne de la mairie", Set.of(TokenScope.PROPOSALS_WRITE), null);
        long id = created.token().id();

        mvc.perform(get("/account/tokens/" + id + "/revoke").with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(as(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(tokens.authenticate(created.secret())).isPresent();

        mvc.perform(get("/account/tokens/" + id + "/revoke").with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Borne de la mairie")));
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.of(owner.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT revoked_at FROM personal_access_token WHERE id = ?", Timestamp.class, id)).isNotNull();
    }

    @Test
    void anExpiredTokenStopsWorkingAfterItsLastDay() {
        AgoraUser owner = people.participant();
        LocalDate tomorrow = LocalDate.now(Clocks.PARIS).plusDays(1);
        AccessTokens.Created created = tokens.create(owner.id(), "Essai d’un jour", Set.of(TokenScope.SUPPORTS_WRITE), tomorrow);
        assertThat(created.token().expiresOn()).isEqualTo(tomorrow);
        assertThat(jdbc.queryForObject("SELECT expires_at FROM personal_access_token WHERE id = ?", Timestamp.class,
                created.token().id()).toInstant()).isEqualTo(tomorrow.plusDays(1).atStartOfDay(Clocks.PARIS).toInstant());
        assertThat(tokens.authenticate(created.secret())).isPresent();

        jdbc.update("UPDATE personal_access_token SET expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), created.token().id());
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.of(owner.id())).singleElement().satisfies(view -> assertThat(view.expired()).isTrue());
    }

    @Test
    void refusesUnknownMalformedAndAlteredTokens() {
        AgoraUser owner = people.participant();
        String secret = tokens.create(owner.id(), "Modifié", Set.of(TokenScope.SUPPORTS_WRITE), null).secret();
        char last = secret.charAt(secret.length() - 1);
        assertThat(tokens.authenticate(secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
        assertThat(tokens.authenticate(secret.replace("agora_pat_", "agora_xyz_"))).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void deletingTheAccountRevokesItsTokensAndAnUnconfirmedAccountsTokensDoNotWork() {
        String email = "jetons-" + System.nanoTime() + "@example.org";
        AccountId id = accounts.ensureAccount(email, "Jetons-" + System.nanoTime() % 100000, "une phrase de passe assez longue",
                "fr", List.of());
        String secret = tokens.create(id, "Avant suppression", Set.of(TokenScope.COMMENTS_WRITE), null).secret();
        assertThat(tokens.authenticate(secret)).isPresent();
        accounts.deleteAccount(id, "une phrase de passe assez longue");
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_access_token WHERE account_id = ? AND revoked_at IS NULL",
                Long.class, id.value())).isZero();

        AgoraUser pending = people.participant();
        String pendingSecret = tokens.create(pending.id(), "Compte en attente", Set.of(TokenScope.COMMENTS_WRITE), null).secret();
        jdbc.update("UPDATE account SET status = 'PENDING' WHERE id = ?", pending.id().value());
        assertThat(tokens.authenticate(pendingSecret)).isEmpty();
    }

    @Test
    void refusesMoreThanTwentyUsableTokens() {
        AgoraUser owner = people.participant();
        for (int i = 0; i < AccessTokens.MAX_ACTIVE; i++) {
            tokens.create(owner.id(), "Jeton " + i, EnumSet.of(TokenScope.SUPPORTS_WRITE), null);
        }
        assertThatThrownBy(() -> tokens.create(owner.id(), "Un de trop", Set.of(TokenScope.SUPPORTS_WRITE), null))
                .isInstanceOfSatisfying(FieldProblem.class, problem -> assertThat(problem.messageKey()).isEqualTo("accounts.tokens.limit"));
        tokens.revoke(owner.id(), tokens.of(owner.id()).getFirst().id());
        assertThat(tokens.create(owner.id(), "À la place", Set.of(TokenScope.SUPPORTS_WRITE), null).secret()).startsWith("agora_pat_");
    }

    @Test
    void recordsTheLastUseAtMostOnceAMinute() {
        AgoraUser owner = people.participant();
        AccessTokens.Created created = tokens.create(owner.id(), "Horodaté", Set.of(TokenScope.SUPPORTS_WRITE), null);
        long id = created.token().id();
        assertThat(lastUse(id)).isNull();
        tokens.authenticate(created.secret());
        Instant first = lastUse(id);
        assertThat(first).isNotNull();

        Instant recent = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("UPDATE personal_access_token SET last_used_at = ? WHERE id = ?", Timestamp.from(recent), id);
        tokens.authenticate(created.secret());
        assertThat(lastUse(id)).as("not written again within the minute").isEqualTo(recent);

        Instant old = Instant.now().minus(Duration.ofMinutes(2));
        jdbc.update("UPDATE personal_access_token SET last_used_at = ? WHERE id = ?", Timestamp.from(old), id);
        tokens.authenticate(created.secret());
        assertThat(lastUse(id)).isAfter(old.plusSeconds(60));
    }

    private Instant lastUse(long id) {
        Timestamp at = jdbc.queryForObject("SELECT last_used_at FROM personal_access_token WHERE id = ?", Timestamp.class, id);
        return at == null ? null : at.toInstant();
    }
}
