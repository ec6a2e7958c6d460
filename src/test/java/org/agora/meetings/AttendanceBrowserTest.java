package org.agora.meetings;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.agora.BrowserTest;
import org.agora.shared.MailAttachment;
import org.agora.shared.MailRequested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The attendance journey on the demo data: a participant registers, the QR code of their confirmation mail opens the
 * check-in page for staff, who mark them present; after the meeting the survey's link is answered without an account,
 * and the report shows it. Every page is checked with axe.
 */
class AttendanceBrowserTest extends BrowserTest {

    static final String PASSWORD = "agora-demo-2026";
    static final String WEBINAR = "Webinaire — Comment déposer une proposition";
    static final String PARTICIPANT = "citoyen07@example.org";

    /** The mails the meetings module hands over, as they are published (whatever the outbox does with them). */
    @TestConfiguration
    static class Mails {
        @Bean
        MailRecorder mailRecorder() {
            return new MailRecorder();
        }
    }

    static class MailRecorder {
        final List<MailRequested> mails = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MailRequested mail) {
            mails.add(mail);
        }

        MailRequested latest(String recipient, String topic) {
            return mails.reversed().stream().filter(mail -> mail.recipient().equals(recipient) && mail.topic().equals(topic))
                    .findFirst().orElseThrow(() -> new AssertionError("No " + topic + " mail to " + recipient));
        }
    }

    @Autowired
    MailRecorder recorder;

    @Autowired
    Surveys surveys;

    @Autowired
    JdbcTemplate jdbc;

    Locator main() {
        return page.getByRole(AriaRole.MAIN);
    }

    String local(String link) {
        URI mailed = URI.create(link);
        return mailed.getRawPath() + (mailed.getRawQuery() == null ? "" : "?" + mailed.getRawQuery());
    }

    static String qrContent(MailAttachment png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.content()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void theQrCodeOfTheConfirmationChecksInAndThePersonPresentAnswersTheSurvey() throws Exception {
        long webinar = jdbc.queryForObject("SELECT id FROM meeting WHERE title = ?", Long.class, WEBINAR);
        signIn(PARTICIPANT, PASSWORD);
        open("/meetings/" + webinar + "/register");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("M'inscrire")).click();
        assertThat(page.locator("[role=status]")).containsText("Votre place est réservée");

        MailRequested confirmation = recorder.latest(PARTICIPANT, "meeting-registration");
        MailAttachment qr = confirmation.attachments().stream().filter(file -> file.contentType().equals("image/png"))
                .findFirst().orElseThrow();
        String checkIn = local(qrContent(qr));
        org.assertj.core.api.Assertions.assertThat(checkIn).startsWith("/meetings/" + webinar + "/check-in?code=");
        String name = jdbc.queryForObject("SELECT name FROM meeting_registration WHERE meeting_id = ? AND email_key = ?",
                String.class, webinar, PARTICIPANT);

        page.context().clearCookies();
        signIn("agent@example.org", PASSWORD);
        open(checkIn);
        assertThat(page.locator("h1")).hasText("Accueil : " + WEBINAR);
        assertThat(main()).containsText("Inscription trouvée : " + name);
        assertAccessible(page);
        screenshot(page, "check-in-found");
        page.locator(".found").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Marquer " + name + " présent·e")).click();
        assertThat(page.locator("[role=status]")).containsText(name + " est marqué·e présent·e.");
        Locator walkInName = page.getByLabel("Nom", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true));
        walkInName.fill("   ");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter comme présent·e")).click();
        assertThat(page.locator("#error-summary")).containsText("Indiquez un nom");
        assertAccessible(page);
        walkInName.fill("Odile Sansinscription");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter comme présent·e")).click();
        assertThat(page.locator("[role=status]")).containsText("Odile Sansinscription est ajouté·e");

        // The meeting is over: three hours later, the survey job runs.
        Instant starts = Instant.now().minus(Duration.ofHours(4));
        jdbc.update("UPDATE meeting SET starts_at = ?, ends_at = ? WHERE id = ?", Meetings.timestamp(starts),
                Meetings.timestamp(starts.plus(Duration.ofHours(1))), webinar);
        surveys.sendDue();
        String survey = local(recorder.latest(PARTICIPANT, "meeting-survey").text().lines()
                .filter(line -> line.contains("http")).findFirst().orElseThrow().replaceAll(".*(https?://\\S+).*", "$1"));

        page.context().clearCookies();
        open(survey);
        assertThat(page.locator("h1")).hasText("Votre avis sur : " + WEBINAR);
        assertAccessible(page);
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer mon avis")).click();
        assertThat(page.locator("h1")).hasText("Votre avis sur : " + WEBINAR);
        page.locator("#overall-4").check();
        page.locator("[id^='aspect-'][id$='-3']").first().check();
        page.getByLabel("Un commentaire (facultatif)").fill("Un webinaire clair, merci.");
        main().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer mon avis")).click();
        assertThat(page.locator("[role=status]")).containsText("Merci, votre avis est enregistré.");
        assertAccessible(page);

        signIn("agent@example.org", PASSWORD);
        open("/meetings/" + webinar + "/bilan");
        assertThat(page.locator("h1")).hasText("Bilan : " + WEBINAR);
        assertThat(main()).containsText("Un webinaire clair, merci.");
        assertThat(page.locator("#overall-title")).isVisible();
        assertAccessible(page);
        screenshot(page, "meeting-report");
    }

    @Test
    void theDemoSeminarShowsItsAttendanceItsMinutesAndItsSurveyResults() {
        long seminar = jdbc.queryForObject("SELECT id FROM meeting WHERE title = ?", Long.class, "Séminaire 1 — Lancement");
        open("/meetings/" + seminar);
        assertThat(main()).containsText("Inscrits présents");
        assertAccessible(page);
        main().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compte rendu de la rencontre")).click();
        assertThat(page.locator("h1")).hasText("Compte rendu : Séminaire 1 — Lancement");
        assertThat(main()).containsText("Prochaines étapes");
        assertAccessible(page);

        signIn("agent@example.org", PASSWORD);
        open("/meetings/" + seminar + "/bilan");
        assertThat(main()).containsText("Tout à fait satisfaits");
        assertAccessible(page);
        open("/meetings/" + seminar + "/compte-rendu/edit");
        assertThat(page.locator("h1")).hasText("Écrire le compte rendu : Séminaire 1 — Lancement");
        assertAccessible(page);
        open("/meetings/" + seminar + "/check-in?show=ABSENT");
        assertAccessible(page);
        open("/meetings/series/seminaires-democratie-permanente/bilan");
        assertThat(main()).containsText("Une rencontre tenue");
        assertAccessible(page);
    }
}
