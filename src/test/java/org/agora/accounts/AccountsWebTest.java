package org.agora.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.MutableClock;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryKind;
import org.junit.jupiter.api.BeforeEach;
import org.agora.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@DatabaseTest
@SpringBootTest(properties = {
        "agora.demo-data=true", "agora.base-url=http://agora.test"})
@AutoConfigureMockMvc
@RecordApplicationEvents
class AccountsWebTest {

    static final String PASSWORD = "la Loire coule vers Nantes";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired AccountManagement accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;
    @Autowired TerritoryDirectory territories;

    @BeforeEach
    void freshClockAndCounters() {
        clock.reset();
        jdbc.update("DELETE FROM login_throttle");
    }

    private long orleans() {
        return territories.findByCode(TerritoryKind.COMMUNE, "45234").orElseThrow().id();
    }

    // ---- Sign-up ---------------------------------------------------------------------------------------------

    @Test
    void signUpCreatesAPendingAccountAndMailsAConfirmationLink() throws Exception {
        signUp("camille@example.org", "Camille", PASSWORD, "45000")
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/signup/sent"));

        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE email = 'camille@example.org'", String.class)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT commune_id FROM account WHERE email = 'camille@example.org'", Long.class)).isEqualTo(orleans());
        var mail = events.stream(AccountMail.ConfirmationRequested.class).toList();
        assertThat(mail).singleElement().satisfies(sent -> {
            assertThat(sent.email()).isEqualTo("camille@example.org");
            assertThat(sent.link()).startsWith("http://agora.test/signup/confirm?token=");
        });
    }

    @Test
    void theConfirmationLinkActivatesTheAccountOnceAndThenSignInWorks() throws Exception {
        signUp("dominique@example.org", "Dominique", PASSWORD, "");
        String link = lastConfirmationLink();

        mvc.perform(post("/login").with(csrf()).param("email", "dominique@example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error=unconfirmed"));
        mvc.perform(get(path(link))).andExpect(status().isOk()).andExpect(content().string(containsString("compte est actif")));
        mvc.perform(get(path(link))).andExpect(content().string(containsString("déjà été utilisé")));
        mvc.perform(post("/login").with(csrf()).param("email", "Dominique@Example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theConfirmationLinkExpiresAfter48Hours() throws Exception {
        signUp("eden@example.org", "Eden", PASSWORD, "");
        String link = lastConfirmationLink();
        clock.advance(Duration.ofHours(48).plusMinutes(1));

        mvc.perform(get(path(link))).andExpect(content().string(containsString("a expiré")));
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE email = 'eden@example.org'", String.class)).isEqualTo("PENDING");
    }

    @Test
    void signingUpWithATakenAddressLooksTheSameAndOnlyTellsTheOwner() throws Exception {
        signUp("fanny@example.org", "Fanny", PASSWORD, "");
        signUp("fanny@example.org", "Intrus", "un autre mot de passe solide", "")
                .andExpect(redirectedUrl("/signup/sent"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = 'fanny@example.org'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE pseudonym = 'Intrus'", Integer.class)).isZero();
        assertThat(events.stream(AccountMail.SignUpWithExistingEmail.class)).singleElement()
                .satisfies(notice -> assertThat(notice.email()).isEqualTo("fanny@example.org"));
    }

    @Test
    void rejectsAnEmptyFormWithAMessageForEachFieldAndStoresNothing() throws Exception {
        mvc.perform(post("/signup").with(csrf()).param("email", "").param("pseudonym", "").param("password", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Indiquez une adresse électronique.")))
                .andExpect(content().string(containsString("Choisissez un pseudonyme.")))
                .andExpect(content().string(containsString("Choisissez un mot de passe.")))
                .andExpect(content().string(containsString("Vous devez accepter les conditions")))
                .andExpect(content().string(containsString("error-summary")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE email = ''", Integer.class)).isZero();
    }

    @Test
    void rejectsMalformedTooLongAndWeakValues() throws Exception {
        signUp("pas-une-adresse", "Gaëlle", PASSWORD, "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("pas valide")));
        signUp("a".repeat(250) + "@example.org", "Gaëlle", PASSWORD, "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("254 caractères")));
        signUp("gaelle@example.org", "G".repeat(41), PASSWORD, "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("de 3 à 40 caractères")));
        signUp("gaelle@example.org", "Gaëlle", "court", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("au moins 12 caractères")));
        signUp("gaelle@example.org", "Gaëlle", "password1234", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("trop courant")))
                .andExpect(content().string(not(containsString("password1234"))))
                .andExpect(content().string(containsString("value=\"gaelle@example.org\"")));
        signUp("gaelle@example.org", "Gaëlle", PASSWORD, "x".repeat(101)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("100 caractères")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE pseudonym LIKE 'Ga%' OR email LIKE 'gaelle%'", Integer.class)).isZero();
    }

    @Test
    void scriptInjectionIsRefusedAndNeverEchoedRaw() throws Exception {
        String payload = "<script>alert(1)</script>";
        signUp(payload + "@example.org", payload, PASSWORD, payload)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString(payload))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE pseudonym LIKE '%script%'", Integer.class)).isZero();
    }

    @Test
    void aPostalCodeSharedByNoCommuneIsAnErrorAndSeveralMatchesAreOfferedAsChoices() throws Exception {
        signUp("henri@example.org", "Henri", PASSWORD, "99999").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Aucune commune de la région ne correspond")));
        signUp("henri@example.org", "Henri", PASSWORD, "saint-jean").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Saint-Jean-le-Blanc (45650)")))
                .andExpect(content().string(containsString("type=\"radio\"")));
    }

    @Test
    void aTakenPseudonymIsAFieldError() throws Exception {
        signUp("ines@example.org", "Inès", PASSWORD, "");
        signUp("autre@example.org", "inès", PASSWORD, "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("déjà pris")));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/signup").param("email", "x@example.org")).andExpect(status().isForbidden());
    }

    // ---- Sign-in and throttling ------------------------------------------------------------------------------------

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() throws Exception {
        confirmedAccount("jules@example.org", "Jules");
        mvc.perform(post("/login").with(csrf()).param("email", "jules@example.org").param("password", "wrong password!!"))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(post("/login").with(csrf()).param("email", "nobody@example.org").param("password", "wrong password!!"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void afterFiveFailuresTheAccountIsThrottledEvenWithTheRightPassword() throws Exception {
        confirmedAccount("karim@example.org", "Karim");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("email", "karim@example.org").param("password", "wrong password " + i));
        }
        mvc.perform(post("/login").with(csrf()).param("email", "karim@example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(get("/login").param("error", "throttled")).andExpect(content().string(containsString("15 minutes")));

        clock.advance(Duration.ofMinutes(16));
        mvc.perform(post("/login").with(csrf()).param("email", "karim@example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void thirtyFailuresFromOneAddressBlockEveryAccountFromThatAddressButNotFromOthers() throws Exception {
        confirmedAccount("victor@example.org", "Victor");
        for (int i = 0; i < 30; i++) {
            int n = i;
            mvc.perform(post("/login").with(csrf()).with(request -> { request.setRemoteAddr("203.0.113.7"); return request; })
                    .param("email", "guess" + n + "@example.org").param("password", "wrong password " + n));
        }
        mvc.perform(post("/login").with(csrf()).with(request -> { request.setRemoteAddr("203.0.113.7"); return request; })
                        .param("email", "victor@example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(post("/login").with(csrf()).with(request -> { request.setRemoteAddr("198.51.100.20"); return request; })
                        .param("email", "victor@example.org").param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    // ---- Passwords -------------------------------------------------------------------------------------------------

    @Test
    void aForgottenPasswordLinkWorksOnceWithinAnHour() throws Exception {
        confirmedAccount("lea@example.org", "Léa");
        mvc.perform(post("/password/forgotten").with(csrf()).param("email", "lea@example.org")).andExpect(redirectedUrl("/password/sent"));
        mvc.perform(post("/password/forgotten").with(csrf()).param("email", "personne@example.org")).andExpect(redirectedUrl("/password/sent"));
        var resets = events.stream(AccountMail.PasswordResetRequested.class).toList();
        assertThat(resets).singleElement();
        String token = resets.get(0).link().substring(resets.get(0).link().indexOf("token=") + 6);

        mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "court"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "un nouveau mot de passe"))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "encore un autre essai"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/login").with(csrf()).param("email", "lea@example.org").param("password", "un nouveau mot de passe"))
                .andExpect(redirectedUrl("/"));
        assertThat(events.stream(AccountMail.PasswordChanged.class)).hasSize(1);
    }

    @Test
    void aForgottenPasswordLinkExpiresAfterAnHour() throws Exception {
        confirmedAccount("marc@example.org", "Marc");
        accounts.requestPasswordReset("marc@example.org");
        String link = events.stream(AccountMail.PasswordResetRequested.class).findFirst().orElseThrow().link();
        clock.advance(Duration.ofMinutes(61));
        mvc.perform(get(path(link))).andExpect(status().isBadRequest()).andExpect(content().string(containsString("expire")));
    }

    // ---- Profile and personal data -----------------------------------------------------------------------------------

    @Test
    void aPersonEditsTheirProfile() throws Exception {
        AccountId id = confirmedAccount("nina@example.org", "Nina");
        mvc.perform(post("/account/profile").with(csrf()).with(as(id)).param("pseudonym", "Nina B").param("commune", "45000")
                        .param("language", "en").param("frequency", "DAILY_DIGEST").param("notifyByEmail", "true"))
                .andExpect(status().is3xxRedirection());
        var profile = accounts.profile(id);
        assertThat(profile.pseudonym()).isEqualTo("Nina B");
        assertThat(profile.communeId()).isEqualTo(orleans());
        assertThat(profile.language()).isEqualTo("en");
        assertThat(profile.frequency()).isEqualTo(NotificationFrequency.DAILY_DIGEST);
    }

    @Test
    void profileEditsWithBadValuesAreRefusedAndChangeNothing() throws Exception {
        AccountId id = confirmedAccount("olga@example.org", "Olga");
        mvc.perform(post("/account/profile").with(csrf()).with(as(id)).param("pseudonym", "<b>x</b>").param("language", "de")
                        .param("frequency", "SOMETIMES"))
                .andExpect(status().isBadRequest());
        assertThat(accounts.profile(id).pseudonym()).isEqualTo("Olga");
    }

    @Test
    void anEmailChangeTakesEffectOnlyOnceTheNewAddressIsConfirmed() throws Exception {
        AccountId id = confirmedAccount("paul@example.org", "Paul");
        mvc.perform(post("/account/email").with(csrf()).with(as(id)).param("email", "paul.new@example.org").param("currentPassword", "faux mot de passe"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/email").with(csrf()).with(as(id)).param("email", "paul.new@example.org").param("currentPassword", PASSWORD))
                .andExpect(redirectedUrl("/account"));
        assertThat(accounts.profile(id).email()).isEqualTo("paul@example.org");
        String link = events.stream(AccountMail.EmailChangeRequested.class).findFirst().orElseThrow().link();
        mvc.perform(get(path(link))).andExpect(status().isOk());
        assertThat(accounts.profile(id).email()).isEqualTo("paul.new@example.org");
    }

    @Test
    void downloadMyDataGivesTheAccountAsJson() throws Exception {
        AccountId id = confirmedAccount("quentin@example.org", "Quentin");
        mvc.perform(get("/account/data").with(as(id)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("\"email\":\"quentin@example.org\"")))
                .andExpect(content().string(containsString("\"pseudonym\":\"Quentin\"")));
    }

    @Test
    void deletingTheAccountErasesPersonalDataAndFreesTheAddress() throws Exception {
        AccountId id = confirmedAccount("rose@example.org", "Rose");
        mvc.perform(post("/account/delete").with(csrf()).with(as(id)).param("currentPassword", PASSWORD))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/delete").with(csrf()).with(as(id)).param("currentPassword", PASSWORD).param("confirm", "true"))
                .andExpect(redirectedUrl("/"));

        assertThat(jdbc.queryForMap("SELECT email, password_hash, status FROM account WHERE id = ?", id.value()))
                .containsEntry("email", null).containsEntry("password_hash", null).containsEntry("status", "DELETED");
        assertThat(accounts.pseudonyms(List.of(id))).containsEntry(id, Optional.empty());
        assertThat(events.stream(AccountDeleted.class)).containsExactly(new AccountDeleted(id));
        signUp("rose@example.org", "Rose again", PASSWORD, "").andExpect(redirectedUrl("/signup/sent"));
        assertThat(jdbc.queryForObject("SELECT status FROM account WHERE email = 'rose@example.org'", String.class)).isEqualTo("PENDING");
    }

    @Test
    void theAccountPagesNeedASignedInPerson() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    // ---- Roles ---------------------------------------------------------------------------------------------------------

    @Test
    void aParticipantCannotOpenTheAdminArea() throws Exception {
        AccountId id = confirmedAccount("sam@example.org", "Sam");
        mvc.perform(get("/admin/roles").with(as(id))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/roles").with(csrf()).with(as(id)).param("email", "sam@example.org").param("role", "ADMINISTRATOR"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(id).orElseThrow().grants()).isEmpty();
    }

    @Test
    void anAdministratorGrantsAndWithdrawsRolesAndEveryChangeIsLogged() throws Exception {
        AccountId admin = accounts.ensureAccount("admin@example.org", "Admin", PASSWORD, "fr",
                List.of(new RoleGrant(Role.ADMINISTRATOR, RoleScope.GLOBAL)));
        AccountId staff = confirmedAccount("tom@example.org", "Tom");

        mvc.perform(post("/admin/roles").with(csrf()).with(as(admin)).param("email", "tom@example.org").param("role", "STAFF"))
                .andExpect(redirectedUrl("/admin/roles"));
        mvc.perform(post("/admin/roles").with(csrf()).with(as(admin)).param("email", "tom@example.org").param("role", "STAFF"))
                .andExpect(redirectedUrl("/admin/roles"));
        assertThat(accounts.find(staff).orElseThrow().grants()).containsExactly(new RoleGrant(Role.STAFF, RoleScope.GLOBAL));
        mvc.perform(get("/admin/roles").with(as(staff))).andExpect(status().isForbidden());

        mvc.perform(post("/admin/roles").with(csrf()).with(as(admin)).param("email", "nobody@example.org").param("role", "STAFF"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Aucun compte actif")));
        long assignment = jdbc.queryForObject("SELECT id FROM role_assignment WHERE account_id = ?", Long.class, staff.value());
        mvc.perform(post("/admin/roles/" + assignment + "/revoke").with(csrf()).with(as(admin))).andExpect(redirectedUrl("/admin/roles"));
        assertThat(accounts.find(staff).orElseThrow().grants()).isEmpty();
        mvc.perform(get("/admin/actions").with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rôle attribué"))).andExpect(content().string(containsString("Rôle retiré")));
    }

    @Test
    void theLastAdministratorCannotBeRemoved() throws Exception {
        AccountId admin = accounts.ensureAccount("solo@example.org", "Solo", PASSWORD, "fr",
                List.of(new RoleGrant(Role.ADMINISTRATOR, RoleScope.GLOBAL)));
        jdbc.update("DELETE FROM role_assignment WHERE account_id <> ? AND role = 'ADMINISTRATOR'", admin.value());
        long assignment = jdbc.queryForObject("SELECT id FROM role_assignment WHERE account_id = ?", Long.class, admin.value());
        mvc.perform(post("/admin/roles/" + assignment + "/revoke").with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/admin/roles"));
        assertThat(accounts.find(admin).orElseThrow().isAdministrator()).isTrue();
    }

    // ---- Bad input on every form -----------------------------------------------------------------------------------------

    static final String SCRIPT = "<script>alert('x')</script>";

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badInputs() {
        List<String> payloads = List.of("", " ", "x".repeat(300), SCRIPT, "\"><img src=x onerror=alert(1)>", "not-an-email");
        List<org.junit.jupiter.params.provider.Arguments> cases = new java.util.ArrayList<>();
        Map<String, List<String>> forms = new java.util.LinkedHashMap<>();
        forms.put("/signup/resend", List.of("email"));
        forms.put("/password/forgotten", List.of("email"));
        forms.put("/password/reset", List.of("token", "password"));
        forms.put("/account/profile", List.of("pseudonym", "commune", "language", "frequency"));
        forms.put("/account/email", List.of("email", "currentPassword"));
        forms.put("/account/password", List.of("currentPassword", "newPassword"));
        forms.put("/account/delete", List.of("currentPassword", "confirm"));
        forms.put("/admin/roles", List.of("email", "role", "territoryId"));
        forms.forEach((path, fields) -> payloads.forEach(payload -> cases.add(org.junit.jupiter.params.provider.Arguments.of(path, fields, payload))));
        return cases.stream();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {2}")
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void everyAccountsFormAnswersBadInputWithA400AndEchoesNothingRaw(String path, List<String> fields, String payload) throws Exception {
        AccountId admin = accounts.ensureAccount("bad-input-admin@example.org", "Bad Input Admin", PASSWORD, "fr",
                List.of(new RoleGrant(Role.ADMINISTRATOR, RoleScope.GLOBAL)));
        var request = post(path).with(csrf()).with(as(admin));
        fields.forEach(field -> request.param(field, payload));

        String body = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(SCRIPT).doesNotContain("<img src=x").contains("<h1");
        assertThat(accounts.profile(admin).pseudonym()).isEqualTo("Bad Input Admin");
        assertThat(accounts.profile(admin).email()).isEqualTo("bad-input-admin@example.org");
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------------

    private org.springframework.test.web.servlet.ResultActions signUp(String email, String pseudonym, String password, String commune)
            throws Exception {
        return mvc.perform(post("/signup").with(csrf()).param("email", email).param("pseudonym", pseudonym)
                .param("password", password).param("commune", commune).param("acceptTerms", "true"));
    }

    private AccountId confirmedAccount(String email, String pseudonym) {
        return accounts.ensureAccount(email, pseudonym, PASSWORD, "fr", List.of());
    }

    private RequestPostProcessor as(AccountId id) {
        AgoraUser user = accounts.find(id).orElseThrow();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }

    private String lastConfirmationLink() {
        return events.stream(AccountMail.ConfirmationRequested.class).reduce((first, second) -> second).orElseThrow().link();
    }

    private static String path(String link) {
        return link.replace("http://agora.test", "");
    }
}
