package org.agora.notifications;

import java.util.List;

import org.agora.DatabaseTest;
import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseTest
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {"agora.base-url=https://agora.example.fr", "agora.demo-data=false"})
class AccountMailsTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MailOutbox outbox;

    @Autowired
    Mails mails;

    @Autowired
    MailDelivery delivery;

    private void publishCommitted(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    @Test
    void writesAFrenchConfirmationMailWithItsLinkValidFor48Hours() {
        publishCommitted(new AccountMail.ConfirmationRequested(new AccountId(1), "camille@example.fr", "Camille", "fr",
                "https://agora.example.fr/signup/confirm?token=abc123"));

        List<OutboxMail> sent = outbox.to("camille@example.fr");
        assertThat(sent).hasSize(1);
        OutboxMail mail = sent.get(0);
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.kind()).isEqualTo("CONFIRMATION");
        assertThat(mail.status()).isEqualTo("PENDING");
        assertThat(mail.subject()).isEqualTo("Confirmez votre adresse électronique");
        assertThat(mail.text()).startsWith("Bonjour Camille,")
                .contains("https://agora.example.fr/signup/confirm?token=abc123", "48 heures", "Agora");
        assertThat(mail.link()).isEqualTo("https://agora.example.fr/signup/confirm?token=abc123");
        Mail stored = mails.findById(mail.id()).orElseThrow();
        assertThat(stored.html()).contains("<html lang=\"fr\">", "Bonjour Camille,",
                "href=\"https://agora.example.fr/signup/confirm?token=abc123\"");
    }

    @Test
    void writesAnEnglishPasswordResetMailValidForOneHourSingleUse() {
        publishCommitted(new AccountMail.PasswordResetRequested(new AccountId(2), "sam@example.org", "Sam", "en",
                "https://agora.example.fr/password/reset?token=r1"));

        OutboxMail mail = single("sam@example.org");
        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("Reset your password");
        assertThat(mail.text()).startsWith("Hello Sam,").contains("1 hour", "only once",
                "https://agora.example.fr/password/reset?token=r1");
        assertThat(mails.findById(mail.id()).orElseThrow().html()).contains("<html lang=\"en\">");
    }

    @Test
    void tellsTheOwnerOfAnAddressThatSomeoneTriedToSignUpWithIt() {
        publishCommitted(new AccountMail.SignUpWithExistingEmail(new AccountId(3), "lea@example.fr", "Léa", "fr",
                "https://agora.example.fr/password/forgotten"));

        OutboxMail mail = single("lea@example.fr");
        assertThat(mail.kind()).isEqualTo("SIGN_UP_WITH_EXISTING_EMAIL");
        assertThat(mail.text()).contains("Quelqu’un a essayé de créer un compte", "connectez-vous",
                "https://agora.example.fr/password/forgotten");
    }

    @Test
    void asksToConfirmANewAddressAtThatAddress() {
        publishCommitted(new AccountMail.EmailChangeRequested(new AccountId(4), "new.address@example.org", "Noa", "en",
                "https://agora.example.fr/account/email/confirm?token=e1"));

        OutboxMail mail = single("new.address@example.org");
        assertThat(mail.subject()).isEqualTo("Confirm your new email address");
        assertThat(mail.link()).isEqualTo("https://agora.example.fr/account/email/confirm?token=e1");
    }

    @Test
    void sendsASecurityNoticeWhenThePasswordChanged() {
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(5), "ines@example.fr", "Inès", "fr"));

        OutboxMail mail = single("ines@example.fr");
        assertThat(mail.subject()).isEqualTo("Votre mot de passe a été modifié");
        assertThat(mail.text()).contains("avis de sécurité", "https://agora.example.fr/password/forgotten");
    }

    @Test
    void writesNoMailWhenTheTransactionThatCausedItRollsBack() {
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new AccountMail.ConfirmationRequested(new AccountId(6), "rolled.back@example.fr",
                    "Rollback", "fr", "https://agora.example.fr/signup/confirm?token=never"));
            status.setRollbackOnly();
        });

        assertThat(outbox.to("rolled.back@example.fr")).isEmpty();
    }

    @Test
    void escapesEveryValueInTheHtmlPartButNotInTheTextPart() {
        publishCommitted(new AccountMail.ConfirmationRequested(new AccountId(7), "mallory@example.fr",
                "<b>Mallory</b> & co", "fr", "https://agora.example.fr/signup/confirm?token=x&lang=\"fr\""));

        OutboxMail mail = single("mallory@example.fr");
        assertThat(mail.text()).contains("Bonjour <b>Mallory</b> & co,");
        String html = mails.findById(mail.id()).orElseThrow().html();
        assertThat(html).doesNotContain("<b>Mallory</b>").contains("&lt;b&gt;Mallory&lt;/b&gt; &amp; co")
                .contains("token=x&amp;lang=&quot;fr&quot;");
    }

    @Test
    void writesInFrenchForALanguageWithoutTexts() {
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(8), "klaus@example.de", "Klaus", "de"));

        OutboxMail mail = single("klaus@example.de");
        assertThat(mail.language()).isEqualTo("fr");
        assertThat(mail.text()).startsWith("Bonjour Klaus,");
    }

    @Test
    void keepsMailsPendingWhenNoSmtpServerIsConfigured() {
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(9), "laptop@example.fr", "Laptop", "fr"));

        assertThat(delivery.sendDue()).isZero();
        assertThat(single("laptop@example.fr").status()).isEqualTo("PENDING");
    }

    @Test
    void forgetsTheMailsOfADeletedAccount() {
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(10), "leaving@example.fr", "Leaving", "fr"));
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(11), "staying@example.fr", "Staying", "fr"));

        publishCommitted(new AccountDeleted(new AccountId(10)));

        assertThat(outbox.to("leaving@example.fr")).isEmpty();
        assertThat(outbox.to("staying@example.fr")).hasSize(1);
    }

    @Test
    void findsMailsWhateverTheCaseOfTheAddress() {
        publishCommitted(new AccountMail.PasswordChanged(new AccountId(12), "Mixed.Case@Example.fr", "Mixed", "fr"));

        assertThat(outbox.to("mixed.case@example.fr")).hasSize(1);
    }

    private OutboxMail single(String recipient) {
        List<OutboxMail> found = outbox.to(recipient);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
