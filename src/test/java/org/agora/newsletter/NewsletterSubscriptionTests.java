package org.agora.newsletter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.People;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.RoleScope;
import org.agora.notifications.MailOutbox;
import org.agora.notifications.OutboxMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Subscribing without an account: double opt-in, one subscription per address, unsubscribing, preferences. */
@AgoraTest
class NewsletterSubscriptionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Subscribers subscribers;

    @Autowired
    Editions editions;

    @Autowired
    EditionSending sending;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountManagement accounts;

    private void subscribe(String email, String... themes) throws Exception {
        var request = post("/newsletter").with(csrf()).param("email", email).param("consent", "true");
        for (String theme : themes) {
            request.param("themes", theme);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/newsletter/sent"));
    }

    private static String path(String link) {
        return URI.create(link).getRawPath();
    }

    private String confirmationLink(String email) {
        OutboxMail mail = outbox.latestTo(email).orElseThrow();
        assertThat(mail.topic()).isEqualTo("newsletter-confirmation");
        return mail.link();
    }

    private long planEdition(String subject, Preferences audience) {
        Edition edition = Edition.draft(1L, "fr", subscriptions.now());
        edition.write(subject, "Bonjour à toutes et à tous.", "fr", audience, List.of(), subscriptions.now());
        long id = editions.save(edition).getId();
        assertThat(sending.start(id)).isTrue();
        return id;
    }

    private Set<Long> recipients(long editionId) {
        return Set.copyOf(jdbc.sql("select subscriber_id from newsletter_delivery where edition_id = ?").param(editionId)
                .query(Long.class).list());
    }

    @Test
    void aSubscriptionStartsOnlyOnceTheMailedLinkIsOpenedAndConfirmingTwiceIsHarmless() throws Exception {
        subscribe("Opt.In@Example.fr");

        Subscriber pending = subscriptions.byEmail("opt.in@example.fr").orElseThrow();
        assertThat(pending.status()).isEqualTo(Subscriber.Status.PENDING);
        assertThat(pending.consentSource()).isEqualTo(Subscriber.Source.FORM);
        assertThat(pending.consentTextVersion()).isEqualTo(Subscriptions.CONSENT_VERSION);
        assertThat(pending.consentAt()).isNotNull();
        long before = planEdition("Lettre de test opt-in 1", Preferences.all());
        assertThat(recipients(before)).doesNotContain(pending.id());

        String link = confirmationLink("opt.in@example.fr");
        mvc.perform(get(path(link))).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Abonnement confirmé")));
        mvc.perform(get(path(link))).andExpect(status().isOk());

        Subscriber confirmed = subscriptions.byEmail("opt.in@example.fr").orElseThrow();
        assertThat(confirmed.status()).isEqualTo(Subscriber.Status.CONFIRMED);
        assertThat(jdbc.sql("select count(*) from newsletter_subscription_change where subscriber_id = ? and kind = 'CONFIRMED'")
                .param(confirmed.id()).query(Long.class).single()).isEqualTo(1);
        long after = planEdition("Lettre de test opt-in 2", Preferences.all());
        assertThat(recipients(after)).contains(confirmed.id());
    }

    @Test
    void anUnknownLinkIsANotFoundPage() throws Exception {
        mvc.perform(get("/newsletter/confirm/ce-jeton-nexiste-pas")).andExpect(status().isNotFound());
        mvc.perform(get("/newsletter/unsubscribe/ce-jeton-nexiste-pas")).andExpect(status().isNotFound());
        mvc.perform(post("/newsletter/unsubscribe/x")).andExpect(status().isNotFound());
    }

    @Test
    void refusesAMalformedAddressOrAMissingConsentWithAMessageNextToTheField() throws Exception {
        mvc.perform(post("/newsletter").with(csrf()).param("email", "pas-une-adresse").param("consent", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"email-error\"")));
        mvc.perform(post("/newsletter").with(csrf()).param("email", "sans.consentement@example.fr"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"consent-error\"")));
        assertThat(subscriptions.byEmail("sans.consentement@example.fr")).isEmpty();
    }

    @Test
    void keepsOneSubscriptionPerAddressEvenWhenRequestsArriveTogether() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String spelling = i % 2 == 0 ? "ensemble@example.fr" : "Ensemble@Example.FR";
            answers.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/newsletter").with(csrf()).param("email", spelling).param("consent", "true"))
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(302);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email = 'ensemble@example.fr'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConfirmedAddressIsLeftAloneByTheFormAndAnUnsubscribedOneCanSubscribeAgain() throws Exception {
        subscribe("revient@example.fr", "HEALTH");
        mvc.perform(get(path(confirmationLink("revient@example.fr"))));
        int mails = outbox.to("revient@example.fr").size();

        subscribe("revient@example.fr", "YOUTH");
        Subscriber same = subscriptions.byEmail("revient@example.fr").orElseThrow();
        assertThat(same.status()).isEqualTo(Subscriber.Status.CONFIRMED);
        assertThat(same.preferences().themes()).containsExactly(NewsletterTheme.HEALTH);
        assertThat(outbox.to("revient@example.fr")).hasSize(mails);

        mvc.perform(post(Subscriptions.UNSUBSCRIBE_PATH + same.token())).andExpect(status().isOk());
        assertThat(subscriptions.byEmail("revient@example.fr").orElseThrow().status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);

        subscribe("revient@example.fr", "YOUTH");
        Subscriber again = subscriptions.byEmail("revient@example.fr").orElseThrow();
        assertThat(again.id()).isEqualTo(same.id());
        assertThat(again.status()).isEqualTo(Subscriber.Status.PENDING);
        assertThat(again.token()).isNotEqualTo(same.token());
        mvc.perform(get(path(confirmationLink("revient@example.fr")))).andExpect(status().isOk());
        assertThat(subscriptions.byEmail("revient@example.fr").orElseThrow().status()).isEqualTo(Subscriber.Status.CONFIRMED);
    }

    @Test
    void theUnsubscribeLinkAsksFirstThenUnsubscribesWithoutSignInOrFormToken() throws Exception {
        subscribe("clic@example.fr");
        mvc.perform(get(path(confirmationLink("clic@example.fr"))));
        String token = subscriptions.byEmail("clic@example.fr").orElseThrow().token();

        mvc.perform(get(Subscriptions.UNSUBSCRIBE_PATH + token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Me désabonner")));
        assertThat(subscriptions.byEmail("clic@example.fr").orElseThrow().confirmed()).isTrue();

        // RFC 8058: what a mail client sends, with no session and no CSRF token.
        mvc.perform(post(Subscriptions.UNSUBSCRIBE_PATH + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        mvc.perform(post(Subscriptions.UNSUBSCRIBE_PATH + token)).andExpect(status().isOk());

        Subscriber gone = subscriptions.byEmail("clic@example.fr").orElseThrow();
        assertThat(gone.status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(gone.unsubscribeReason()).isEqualTo(Subscriber.Reason.REQUEST);
        assertThat(jdbc.sql("select count(*) from newsletter_subscription_change where subscriber_id = ? and kind = 'UNSUBSCRIBED'")
                .param(gone.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEditionForAThemeGoesToItsSubscribersAndToThoseWhoChoseNoTheme() throws Exception {
        subscribe("sante@example.fr", "HEALTH");
        subscribe("culture@example.fr", "CULTURE");
        subscribe("tout@example.fr");
        for (String email : List.of("sante@example.fr", "culture@example.fr", "tout@example.fr")) {
            mvc.perform(get(path(confirmationLink(email))));
        }
        String token = subscriptions.byEmail("culture@example.fr").orElseThrow().token();
        mvc.perform(post("/newsletter/preferences/" + token).with(csrf()).param("themes", "CULTURE").param("themes", "YOUTH"))
                .andExpect(status().is3xxRedirection());
        assertThat(subscriptions.byEmail("culture@example.fr").orElseThrow().preferences().themes())
                .containsExactlyInAnyOrder(NewsletterTheme.CULTURE, NewsletterTheme.YOUTH);

        long edition = planEdition("Lettre santé", new Preferences(Set.of(NewsletterTheme.HEALTH), Set.of()));

        assertThat(recipients(edition)).contains(subscriptions.byEmail("sante@example.fr").orElseThrow().id(),
                subscriptions.byEmail("tout@example.fr").orElseThrow().id())
                .doesNotContain(subscriptions.byEmail("culture@example.fr").orElseThrow().id());
        assertThat(sending.start(edition)).isFalse();
    }

    @Test
    void aSignedInPersonSubscribesTheirAccountAddressFromTheAccountPageAndLeavesFromThere() throws Exception {
        AgoraUser person = new People(accounts).participant();
        mvc.perform(get("/account/newsletter").with(as(person))).andExpect(status().isOk());
        mvc.perform(post("/account/newsletter").with(as(person)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/account/newsletter").with(as(person)).with(csrf()).param("consent", "true").param("themes", "MOBILITY"))
                .andExpect(status().is3xxRedirection());

        Subscriber subscriber = subscriptions.byEmail(person.email()).orElseThrow();
        assertThat(subscriber.status()).isEqualTo(Subscriber.Status.CONFIRMED);
        assertThat(subscriber.consentSource()).isEqualTo(Subscriber.Source.PROFILE);
        assertThat(subscriber.accountId()).isEqualTo(person.id().value());
        assertThat(accounts.exportPersonalData(person.id()).get("newsletter").toString())
                .contains(person.email(), "PROFILE", Subscriptions.CONSENT_VERSION);

        mvc.perform(post("/account/newsletter/unsubscribe").with(as(person)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subscriptions.byEmail(person.email()).orElseThrow().status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
    }

    @Autowired
    NewsletterStatistics statistics;

    @Test
    void countsConfirmationsAndUnsubscriptionsPerMonthForTheAdminPageAndTheFiguresPage() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.now(NewsletterStatistics.PARIS);
        NewsletterFigures.Month before = statistics.months().stream().filter(m -> m.month().equals(month)).findFirst()
                .orElse(new NewsletterFigures.Month(month, 0, 0, 0));
        subscribe("mois.un@example.fr");
        subscribe("mois.deux@example.fr");
        mvc.perform(get(path(confirmationLink("mois.un@example.fr"))));
        mvc.perform(get(path(confirmationLink("mois.deux@example.fr"))));
        mvc.perform(post(Subscriptions.UNSUBSCRIBE_PATH + subscriptions.byEmail("mois.deux@example.fr").orElseThrow().token()));

        NewsletterFigures.Month after = statistics.months().getLast();
        assertThat(after.month()).isEqualTo(month);
        assertThat(after.confirmed()).isEqualTo(before.confirmed() + 2);
        assertThat(after.unsubscribed()).isEqualTo(before.unsubscribed() + 1);
        assertThat(after.total()).isEqualTo(before.total() + 1).isEqualTo(statistics.confirmedSubscribers());

        mvc.perform(get("/chiffres")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Abonnés confirmés")));
        mvc.perform(get("/admin/newsletter").with(as(new People(accounts).staff(RoleScope.GLOBAL))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Abonnés confirmés : " + statistics.confirmedSubscribers())));
    }

    @Test
    void onlyStaffOpenTheNewsletterAdministration() throws Exception {
        People people = new People(accounts);
        mvc.perform(get("/admin/newsletter").with(as(people.staff(RoleScope.GLOBAL)))).andExpect(status().isOk());
        mvc.perform(get("/admin/newsletter").with(as(people.someone("moderateur",
                new org.agora.accounts.RoleGrant(org.agora.accounts.Role.MODERATOR, RoleScope.GLOBAL)))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/newsletter").with(as(people.participant()))).andExpect(status().isForbidden());
    }
}
