package org.agora.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.NotificationFrequency;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.PublicProposal;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices by mail: one mail each (IMMEDIATE), one a day (DAILY_DIGEST), none (NEVER); every one can be unsubscribed. */
@AgoraTest
@Import(NotificationsTestSetup.class)
class NoticeMailTests extends NotificationTestSupport {

    @Test
    void anImmediatePersonGetsOneMailPerNoticeWithItsLinkAndAnUnsubscribeLink() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("presse", NotificationFrequency.IMMEDIATE);
        PublicProposal proposal = proposal(process, author, "Des bornes de recharge à la campagne");

        long comment = commentOn(ref(proposal), person("electricien", NotificationFrequency.NEVER), null, null);

        List<OutboxMail> mails = outbox.to(author.email());
        assertThat(mails).hasSize(1);
        OutboxMail mail = mails.getFirst();
        assertThat(mail.kind()).isEqualTo("NOTICE");
        assertThat(mail.subject()).isEqualTo("Nouveau commentaire sur « Des bornes de recharge à la campagne »");
        assertThat(mail.link()).endsWith(proposal.path() + "#comment-" + comment);
        assertThat(mail.links()).anyMatch(link -> link.contains("/notifications/unsubscribe?token="))
                .anyMatch(link -> link.endsWith("/account/notifications/settings"));
        Mail stored = context.getBean(Mails.class).findById(mail.id()).orElseThrow();
        assertThat(stored.unsubscribeUrl()).contains("/notifications/unsubscribe?token=");
        assertThat(stored.html()).contains("href=\"" + stored.unsubscribeUrl() + "\"");
        assertThat(mailedAt(author)).isNotNull();
    }

    @Test
    void mailsAreWrittenInThePersonsLanguage() {
        ProcessSettings process = openProcess(null);
        AgoraUser author = person("english", NotificationFrequency.IMMEDIATE);
        jdbc.update("UPDATE account SET language = 'en' WHERE id = ?", author.id().value());
        PublicProposal proposal = proposal(process, author, "Cycle lanes along the Loire");

        commentOn(ref(proposal), person("rider", NotificationFrequency.NEVER), null, null);

        OutboxMail mail = outbox.to(author.email()).getFirst();
        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("New comment on “Cycle lanes along the Loire”");
        assertThat(mail.text()).startsWith("Hello ").contains("Stop these emails:");
    }

    @Test
    void peopleWhoWantNoMailAndDigestReadersGetNoMailAtOnce() {
        ProcessSettings process = openProcess(null);
        AgoraUser silent = person("silencieux", NotificationFrequency.NEVER);
        AgoraUser daily = person("quotidien", NotificationFrequency.DAILY_DIGEST);
        PublicProposal proposal = proposal(process, silent, "Un marché de producteurs le samedi");
        follow(daily, ref(proposal));

        commentOn(ref(proposal), person("producteur", NotificationFrequency.NEVER), null, null);

        assertThat(kindsOf(silent)).containsExactly("NEW_COMMENT");
        assertThat(kindsOf(daily)).containsExactly("NEW_COMMENT");
        assertThat(outbox.to(silent.email())).isEmpty();
        assertThat(outbox.to(daily.email())).isEmpty();
    }

    @Test
    void theDigestSendsOneMailWithTheDaysNoticesAndNeverTheSameNoticeTwice() {
        ProcessSettings process = openProcess(null);
        AgoraUser daily = person("lecteur-du-matin", NotificationFrequency.DAILY_DIGEST);
        AgoraUser never = person("jamais", NotificationFrequency.NEVER);
        PublicProposal first = proposal(process, daily, "Des navettes électriques en centre-ville");
        PublicProposal second = proposal(process, daily, "Une ressourcerie dans chaque canton");
        follow(never, ref(first));
        AgoraUser commenter = person("commentateur", NotificationFrequency.NEVER);
        commentOn(ref(first), commenter, null, null);
        commentOn(ref(second), commenter, null, null);
        commentOn(ref(first), commenter, null, null);

        clock.advance(Duration.ofHours(20));
        digest().send();

        List<OutboxMail> mails = outbox.to(daily.email());
        assertThat(mails).hasSize(1);
        OutboxMail mail = mails.getFirst();
        assertThat(mail.kind()).isEqualTo("DIGEST");
        assertThat(mail.subject()).isEqualTo("Votre résumé Agora : 3 notifications");
        assertThat(mail.text()).contains("Voici les 3 notifications de ces dernières 24 heures",
                "Nouveau commentaire sur « Des navettes électriques en centre-ville »",
                "Nouveau commentaire sur « Une ressourcerie dans chaque canton »", "/notifications/unsubscribe?token=");
        assertThat(outbox.to(never.email())).isEmpty();

        digest().send();
        assertThat(outbox.to(daily.email())).hasSize(1);

        commentOn(ref(second), commenter, null, null);
        digest().send();
        List<OutboxMail> after = outbox.to(daily.email());
        assertThat(after).hasSize(2);
        assertThat(after.getFirst().subject()).isEqualTo("Votre résumé Agora : 1 notification");
    }

    @Test
    void theDigestLeavesOutNoticesOlderThanADay() {
        ProcessSettings process = openProcess(null);
        AgoraUser daily = person("en-retard", NotificationFrequency.DAILY_DIGEST);
        PublicProposal proposal = proposal(process, daily, "Des cours de cuisine anti-gaspillage");
        commentOn(ref(proposal), person("cuisinier", NotificationFrequency.NEVER), null, null);

        clock.advance(Duration.ofHours(25));
        digest().send();

        assertThat(outbox.to(daily.email())).isEmpty();
    }

    @Test
    void nodesRunningTheDigestAtOnceWriteOneMail() throws Exception {
        ProcessSettings process = openProcess(null);
        AgoraUser daily = person("grappe", NotificationFrequency.DAILY_DIGEST);
        PublicProposal proposal = proposal(process, daily, "Des boîtes à livres dans les villages");
        AgoraUser commenter = person("bibliothecaire", NotificationFrequency.NEVER);
        for (int i = 0; i < 5; i++) {
            commentOn(ref(proposal), commenter, null, null);
        }

        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<Integer> run = () -> {
                    start.await();
                    return digest().send();
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        List<OutboxMail> mails = outbox.to(daily.email());
        int carried = mails.stream().mapToInt(mail -> (int) mail.text().lines()
                .filter(line -> line.startsWith("- Nouveau commentaire")).count()).sum();
        assertThat(mails).hasSize(1);
        assertThat(carried).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE recipient_id = ? AND mailed_at IS NULL",
                Integer.class, daily.id().value())).isZero();
    }

    private DailyDigest digest() {
        return context.getBean(DailyDigest.class);
    }

    private Object mailedAt(AgoraUser user) {
        return jdbc.queryForList("SELECT mailed_at FROM notice WHERE recipient_id = ?", user.id().value())
                .getFirst().get("mailed_at");
    }
}
