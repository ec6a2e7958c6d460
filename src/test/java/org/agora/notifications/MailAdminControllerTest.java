package org.agora.notifications;

import java.util.Locale;

import org.agora.DatabaseTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages rendered with the module alone (layout included). Who may open them is accounts'
 * SecurityConfiguration's business and is tested there; here the default Spring Security rules apply. Without the
 * site module's locale resolver the request's Accept-Language chooses the language.
 */
@DatabaseTest
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "agora.demo-data=false")
@WithMockUser(roles = "ADMINISTRATOR")
class MailAdminControllerTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Mails mails;

    @Autowired
    MailOutbox outbox;

    @BeforeEach
    void outbox() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mails.deleteAll();
        events.publishEvent(new AccountMail.ConfirmationRequested(new AccountId(1), "camille@example.fr", "Camille", "fr",
                "http://localhost:8080/signup/confirm?token=abc123"));
        events.publishEvent(new AccountMail.PasswordChanged(new AccountId(2), "sam@example.org", "<i>Sam</i>", "en"));
    }

    @Test
    void listsMailsNewestFirstInATable() throws Exception {
        mvc.perform(get("/admin/mails").locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Courriels de la plateforme</h1>"),
                        containsString("<caption>2 courriel(s), page 1 sur 1</caption>"),
                        containsString("<th scope=\"col\">Destinataire</th>"),
                        containsString("camille@example.fr"),
                        containsString("Your password was changed"),
                        containsString("En attente"))));
    }

    @Test
    void filtersByRecipient() throws Exception {
        mvc.perform(get("/admin/mails").locale(Locale.FRENCH).param("recipient", "CAMILLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("camille@example.fr"),
                        not(containsString("sam@example.org")), containsString("value=\"CAMILLE\""))));
        mvc.perform(get("/admin/mails").locale(Locale.FRENCH).param("recipient", "%"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aucun courriel ne correspond.")));
    }

    @Test
    void showsTheTextOfAMailWithItsLinkToFollow() throws Exception {
        long id = outbox.latestTo("camille@example.fr").orElseThrow().id();

        mvc.perform(get("/admin/mails/{id}", id).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Confirmez votre adresse électronique</h1>"),
                        containsString("<pre class=\"mail\" lang=\"fr\">Bonjour Camille,"),
                        containsString("<a href=\"http://localhost:8080/signup/confirm?token=abc123\">"),
                        containsString("Confirmation d’adresse"))));
    }

    @Test
    void escapesWhatTheMailContains() throws Exception {
        long id = outbox.latestTo("sam@example.org").orElseThrow().id();

        mvc.perform(get("/admin/mails/{id}", id).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hello &lt;i&gt;Sam&lt;/i&gt;,"),
                        not(containsString("<i>Sam</i>")))));
    }

    @Test
    void speaksEnglishWhenAskedTo() throws Exception {
        mvc.perform(get("/admin/mails").locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Platform mails</h1>"),
                        containsString("Waiting"))));
    }

    @Test
    void pagesThroughALongListKeepingTheFilter() throws Exception {
        for (int i = 0; i < MailAdminController.PAGE_SIZE; i++) {
            events.publishEvent(new AccountMail.PasswordChanged(new AccountId(100 + i), "many" + i + "@example.fr",
                    "Many" + i, "fr"));
        }

        mvc.perform(get("/admin/mails").locale(Locale.FRENCH).param("recipient", "example.fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("page 1 sur 2"),
                        containsString("href=\"/admin/mails?recipient=example.fr&amp;page=1\""),
                        containsString("aria-current=\"page\""))));
        mvc.perform(get("/admin/mails").locale(Locale.FRENCH).param("recipient", "example.fr").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("page 2 sur 2"), containsString("camille@example.fr"),
                        containsString("href=\"/admin/mails?recipient=example.fr&amp;page=0\""))));
    }

    private long mailWithFiles() {
        events.publishEvent(FeatureMailsTest.registration(7L, "lea@example.fr", FeatureMailsTest.qrAndInvitation()));
        return outbox.latestTo("lea@example.fr").orElseThrow().id();
    }

    @Test
    void listsTheFilesOfAMailWithTheirDownloadLinksAndFramesItsFormattedVersion() throws Exception {
        long id = mailWithFiles();

        mvc.perform(get("/admin/mails/{id}", id).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<code>meeting-registration</code>"),
                        containsString("<caption>2 fichier(s) joint(s) au courriel</caption>"),
                        containsString("href=\"/admin/mails/" + id + "/attachments/0\""),
                        containsString(">billet.png</a>"),
                        containsString("<code>text/calendar; method=REQUEST; charset=utf-8</code>"),
                        containsString("Affiché dans le texte mis en forme"),
                        containsString("<a href=\"/admin/mails/" + id + "/html\" target=\"_blank\" rel=\"noopener\">Voir la version mise en forme (nouvel onglet)</a>"))));
    }

    @Test
    void downloadsAFileUnderItsNameAndType() throws Exception {
        long id = mailWithFiles();

        mvc.perform(get("/admin/mails/{id}/attachments/{position}", id, 1))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/calendar")))
                .andExpect(header().string("Content-Type", containsString("method=REQUEST")))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"atelier.ics\"")))
                .andExpect(content().bytes(FeatureMailsTest.CALENDAR.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mvc.perform(get("/admin/mails/{id}/attachments/{position}", id, 0))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(FeatureMailsTest.PNG));
        mvc.perform(get("/admin/mails/{id}/attachments/{position}", id, 2)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/mails/{id}/attachments/{position}", 987654, 0)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/mails/{id}/attachments/{position}", id, "first")).andExpect(status().isBadRequest());
    }

    @Test
    void previewsTheFormattedVersionWithItsInlineImagesUnderAPolicyOfItsOwn() throws Exception {
        long id = mailWithFiles();

        mvc.perform(get("/admin/mails/{id}/html", id))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/html")))
                .andExpect(header().string("Content-Security-Policy", MailAdminController.PREVIEW_POLICY))
                .andExpect(content().string(allOf(containsString("<img src=\"/admin/mails/" + id + "/attachments/0\""),
                        not(containsString("cid:")))));
        events.publishEvent(new org.agora.shared.MailRequested(null, "texte@example.fr", "fr", "meeting-reminder",
                "Rappel", "Bonjour,\n", null, null, null));
        long textOnly = outbox.latestTo("texte@example.fr").orElseThrow().id();
        mvc.perform(get("/admin/mails/{id}/html", textOnly)).andExpect(status().isNotFound());
    }

    @Test
    void answersNotFoundForAnUnknownMail() throws Exception {
        mvc.perform(get("/admin/mails/{id}", 987654)).andExpect(status().isNotFound());
    }

    @Test
    void answersBadRequestForAMalformedPage() throws Exception {
        mvc.perform(get("/admin/mails").locale(Locale.FRENCH).param("page", "two")).andExpect(status().isBadRequest());
    }
}
