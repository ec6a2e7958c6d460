package org.agora.programmes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.notifications.MailOutbox;
import org.agora.notifications.OutboxMail;
import org.agora.shared.Clocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AgoraTest
@Import(ProgrammesTestSetup.class)
class ProgrammeRulesTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    MailOutbox outbox;

    ProgrammeTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new ProgrammeTestBed(context);
    }

    @AfterEach
    void resetClock() {
        bed.clock.reset();
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Clocks.PARIS).toInstant();
    }

    record Draft(long id, AgoraUser member) {
    }

    /** A call closing at this Paris time, and a draft ready to submit made the day before. */
    private Draft draftForCallClosingAt(String closesInParis) {
        Instant closes = paris(closesInParis);
        long call = bed.call(CallKind.APPLICATIONS, closes.minus(Duration.ofDays(20)), closes);
        bed.at(closes.minus(Duration.ofDays(1)));
        AgoraUser member = bed.people.participant();
        return new Draft(bed.applications.start(member, call, bed.organisation("Commune à l’heure", member)), member);
    }

    @Test
    void aCallClosingAtNoonInParisOnTheSpringForwardDayClosesAtTenUtc() {
        // 29 March 2026: Paris moves from UTC+1 to UTC+2 at 02:00; noon is 10:00 UTC that day.
        Draft draft = draftForCallClosingAt("2026-03-29T12:00");
        long id = draft.id();
        AgoraUser member = draft.member();
        assertThat(bed.calls.require(bed.applications.require(id).callId()).closesAt())
                .isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));

        bed.at(Instant.parse("2026-03-29T10:30:00Z"));
        assertThatThrownBy(() -> bed.applications.submit(member, id)).isInstanceOf(ProgrammeRefused.class)
                .hasMessage("programmes.application.refused.deadline");
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.DRAFT);

        bed.at(Instant.parse("2026-03-29T09:59:00Z"));
        bed.applications.submit(member, id);
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aCallClosingAtNoonInParisOnTheFallBackDayClosesAtElevenUtc() {
        // 25 October 2026: Paris moves back to UTC+1 at 03:00; noon is 11:00 UTC that day.
        Draft draft = draftForCallClosingAt("2026-10-25T12:00");
        long id = draft.id();
        AgoraUser member = draft.member();

        bed.at(Instant.parse("2026-10-25T10:30:00Z"));
        bed.applications.submit(member, id);
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);

        Draft lateDraft = draftForCallClosingAt("2026-10-25T12:00");
        long late = lateDraft.id();
        AgoraUser lateMember = lateDraft.member();
        bed.at(Instant.parse("2026-10-25T11:00:00Z"));
        assertThatThrownBy(() -> bed.applications.submit(lateMember, late))
                .hasMessage("programmes.application.refused.deadline");
    }

    @Test
    void twoMembersStartingAtOnceShareOneApplication() throws Exception {
        long call = bed.openCall(CallKind.PROJECTS);
        AgoraUser first = bed.people.participant();
        AgoraUser second = bed.people.participant();
        long organisation = bed.organisation("Commune pressée", first, second);
        List<Callable<Long>> starts = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            AgoraUser who = i % 2 == 0 ? first : second;
            starts.add(() -> {
                ready.await();
                return bed.applications.start(who, call, organisation);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            starts.forEach(start -> results.add(pool.submit(start)));
            ready.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdown();
        }
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM programme_application WHERE call_id = ? AND "
                + "organisation_id = ?", Integer.class, call, organisation)).isEqualTo(1);
    }

    @Test
    void concurrentSubmissionsSubmitOnceAndMailOnce() throws Exception {
        long call = bed.openCall(CallKind.APPLICATIONS);
        AgoraUser member = bed.people.participant();
        long id = bed.applications.start(member, call, bed.organisation("Commune double-clic", member));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch ready = new CountDownLatch(1);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    ready.await();
                    bed.applications.submit(member, id);
                    return null;
                }));
            }
            ready.countDown();
            for (Future<?> result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException lost) {
                    assertThat(lost.getCause()).isInstanceOf(org.springframework.dao.DataAccessException.class);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(outbox.to(member.email()).stream().filter(mail -> mail.subject().startsWith("Candidature reçue"))).hasSize(1);
    }

    @Test
    void anApplicantOfAKindTheCallDoesNotAdmitCannotStart() {
        long call = bed.calls.create(bed.staff, new CallForm.Checked(CallKind.PROJECTS, "Appel aux associations",
                "Pour les associations.", bed.region, java.util.Set.of(ApplicantKind.ASSOCIATION),
                bed.clock.instant().minus(Duration.ofDays(1)), bed.clock.instant().plus(Duration.ofDays(5)), List.of(),
                1, 60, 20_000_00L, 5));
        AgoraUser member = bed.people.participant();
        long commune = bed.organisation("Commune non admise", member);
        assertThatThrownBy(() -> bed.applications.start(member, call, commune))
                .hasMessage("programmes.application.refused.kind");
    }

    @Test
    void aSubmissionNeedsTheRequiredAnswersAndDocuments() {
        long call = bed.openCall(CallKind.APPLICATIONS);
        bed.calls.addField(bed.staff, call, "NUMBER", "Habitants", "", true, "");
        long field = bed.calls.fields(call).getFirst().id();
        AgoraUser member = bed.people.participant();
        long id = bed.applications.start(member, call, bed.organisation("Commune incomplète", member));
        assertThatThrownBy(() -> bed.applications.submit(member, id)).hasMessage("programmes.application.refused.incomplete");

        Map<String, String> problems = bed.applications.save(member, id, "Projet", null, Map.of("field-" + field, "-3"));
        assertThat(problems).containsEntry("field-" + field, "programmes.application.error.number");
        assertThat(bed.applications.save(member, id, "Projet", null, Map.of("field-" + field, "1200"))).isEmpty();
        bed.applications.submit(member, id);
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void completionReopensEditingUntilResubmittedEvenAfterTheDeadline() {
        long call = bed.openCall(CallKind.APPLICATIONS);
        AgoraUser member = bed.people.participant();
        long id = bed.applications.start(member, call, bed.organisation("Commune à compléter", member));
        bed.applications.submit(member, id);
        bed.applications.askCompletion(bed.staff, id, "Merci de préciser le calendrier.");
        assertThat(bed.applications.require(id).editable()).isTrue();
        assertThat(outbox.latestTo(member.email()).map(OutboxMail::text).orElseThrow()).contains("préciser le calendrier");

        bed.clock.advance(Duration.ofDays(40));
        bed.applications.save(member, id, "Projet précisé", null, Map.of());
        bed.applications.submit(member, id);
        assertThat(bed.applications.require(id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void aReviewerWithAConflictCannotScoreAndAConcurrentSheetIsStoredOnce() throws Exception {
        long call = bed.openCall(CallKind.PROJECTS);
        long id = bed.submitted(call, bed.people.participant(), 10_000_00L);
        AgoraUser expert = bed.people.participant();
        AgoraUser conflicted = bed.people.participant();
        assertThat(bed.reviews.assign(bed.staff, id, expert.email(), false)).isTrue();
        assertThat(bed.reviews.assign(bed.staff, id, conflicted.email(), false)).isTrue();
        List<Criterion> criteria = bed.calls.criteria(call);
        Map<Long, String> scores = new HashMap<>();
        criteria.forEach(criterion -> scores.put(criterion.id(), "4"));

        assertThatThrownBy(() -> bed.reviews.score(expert, id, scores, Map.of()))
                .hasMessage("programmes.review.refused.conflict");
        bed.reviews.declare(conflicted, id, true);
        assertThatThrownBy(() -> bed.reviews.score(conflicted, id, scores, Map.of()))
                .hasMessage("programmes.review.refused.conflict");

        bed.reviews.declare(expert, id, false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch ready = new CountDownLatch(1);
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    ready.await();
                    return bed.reviews.score(expert, id, scores, Map.of());
                }));
            }
            ready.countDown();
            for (Future<Map<String, String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(bed.jdbc.queryForObject("SELECT COUNT(*) FROM programme_score WHERE application_id = ?", Integer.class, id))
                .isEqualTo(criteria.size());
    }

    @Test
    void theRankingIsTheWeightedMeanOfCompleteSheetsWithTheirSpread() {
        long call = bed.openCall(CallKind.PROJECTS);
        long id = bed.submitted(call, bed.people.participant(), 10_000_00L);
        List<Criterion> criteria = bed.calls.criteria(call);
        Map<Long, String> weights = new HashMap<>();
        criteria.forEach(criterion -> weights.put(criterion.id(), criterion.code().equals("innovation") ? "3" : "1"));
        assertThat(bed.calls.weigh(bed.staff, call, weights)).isTrue();
        AgoraUser first = bed.people.participant();
        AgoraUser second = bed.people.participant();
        for (AgoraUser reviewer : List.of(first, second)) {
            bed.reviews.assign(bed.staff, id, reviewer.email(), false);
            bed.reviews.declare(reviewer, id, false);
        }
        Map<Long, String> fives = new HashMap<>();
        Map<Long, String> innovationOnly = new HashMap<>();
        criteria.forEach(criterion -> {
            fives.put(criterion.id(), "5");
            innovationOnly.put(criterion.id(), criterion.code().equals("innovation") ? "5" : "0");
        });
        bed.reviews.score(first, id, fives, Map.of());
        bed.reviews.score(second, id, innovationOnly, Map.of());

        Reviews.Ranked ranked = bed.reviews.ranking(call).getFirst();
        // First sheet: 5. Second: 3 × 5 / 7 = 2.142857. Mean 3.571429, spread (population) 1.428571.
        assertThat(ranked.sheets()).isEqualTo(2);
        assertThat(ranked.mean()).isCloseTo(3.571429, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ranked.spread()).isCloseTo(1.428571, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aRetainedProjectGetsItsGrantComputedAndItsLetterMailedAsAPdf() throws Exception {
        long call = bed.openCall(CallKind.PROJECTS);
        AgoraUser member = bed.people.participant();
        long id = bed.submitted(call, member, 1_234_56L);
        bed.decisions.decide(bed.staff, id, "RETAINED", "Projet exemplaire et reproductible.");

        Grants.Grant grant = bed.grants.find(id).orElseThrow();
        assertThat(grant.computedCents()).isEqualTo(741_00L);
        OutboxMail mail = outbox.latestTo(member.email()).orElseThrow();
        OutboxMail.File letter = mail.attachment("decision-" + id + ".pdf").orElseThrow();
        assertThat(letter.contentType()).startsWith("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(letter.content())).getTextFromPage(1);
        assertThat(text).contains("Votre candidature est retenue.").contains("Projet exemplaire et reproductible.")
                .contains("741");
    }

    @Test
    void paymentsNeverExceedTheCommitmentAndAdjustmentsKeepTheirJustification() {
        long call = bed.openCall(CallKind.PROJECTS);
        long id = bed.submitted(call, bed.people.participant(), 50_000_00L);
        bed.decisions.decide(bed.staff, id, "RETAINED", "Retenu.");
        assertThat(bed.grants.find(id).orElseThrow().awardedCents()).isEqualTo(20_000_00L);

        assertThat(bed.grants.adjust(bed.staff, id, "-100", "Trop court")).get()
                .satisfies(problems -> assertThat(problems).containsKey("awarded"));
        assertThat(bed.grants.adjust(bed.staff, id, "18 000", "Dépenses de communication non éligibles.")).isEmpty();
        assertThat(bed.grants.adjustments(id)).singleElement()
                .satisfies(adjustment -> assertThat(adjustment.justification()).contains("non éligibles"));
        assertThat(bed.grants.pay(bed.staff, id, "ADVANCE", "1000", "2026-06-01")).get()
                .satisfies(problems -> assertThat(problems).containsEntry("paymentAmount", "programmes.grant.error.notCommitted"));
        assertThat(bed.grants.commit(bed.staff, id, "2026-05-15")).isEmpty();
        assertThat(bed.grants.pay(bed.staff, id, "ADVANCE", "10 000", "2026-06-01")).isEmpty();
        assertThat(bed.grants.pay(bed.staff, id, "BALANCE", "8 000,01", "2027-01-10")).get()
                .satisfies(problems -> assertThat(problems).containsEntry("paymentAmount", "programmes.grant.error.overpaid"));
        assertThat(bed.grants.pay(bed.staff, id, "BALANCE", "8 000", "2027-01-10")).isEmpty();
        assertThat(bed.grants.ofCall(call)).isEqualTo(new Grants.Totals(18_000_00L, 18_000_00L));
        assertThat(bed.grants.perYear().get(2027).paidCents()).isGreaterThanOrEqualTo(8_000_00L);
    }

    @Test
    void anAccompanimentWarnsWhenTheAllotmentIsExceeded() {
        long call = bed.openCall(CallKind.APPLICATIONS);
        long id = bed.submitted(call, bed.people.participant(), 0);
        bed.decisions.decide(bed.staff, id, "RETAINED", "Territoire pilote.");
        assertThat(bed.accompaniments.assign(bed.staff, id, "Cabinet Test", "cabinet@example.org", "")).isEmpty();
        assertThat(bed.accompaniments.find(id).orElseThrow().daysAllotted()).isEqualTo(5);
        assertThat(bed.accompaniments.log(bed.staff, id, "2026-04-01", "8", "Ateliers", "")).isEmpty();
        assertThat(bed.accompaniments.find(id).orElseThrow().exceeded()).isFalse();
        assertThat(bed.accompaniments.log(bed.staff, id, "2026-04-02", "0", "Rien", "")).containsKey("halfDays");
        assertThat(bed.accompaniments.log(bed.staff, id, "2026-04-03", "3", "Restitution", "")).isEmpty();
        Accompaniments.Accompaniment accompaniment = bed.accompaniments.find(id).orElseThrow();
        assertThat(accompaniment.exceeded()).isTrue();
        assertThat(accompaniment.remainingDays()).isEqualTo(-0.5);
    }

    @Test
    void aPublishedShowcaseIsListedAmongTheLibrarysInitiativesOnceAndKeptUpToDate() {
        long call = bed.openCall(CallKind.PROJECTS);
        long id = bed.submitted(call, bed.people.participant(), 10_000_00L);
        bed.decisions.decide(bed.staff, id, "RETAINED", "Projet reproductible.");

        assertThat(bed.followUps.writeShowcase(bed.staff, id, "Des ateliers dans chaque quartier.", "Ateliers",
                "120 participants", false)).isEmpty();
        assertThat(initiativesOf(id)).isZero();
        assertThat(bed.followUps.writeShowcase(bed.staff, id, "Des ateliers dans chaque quartier.", "Ateliers",
                "120 participants", true)).isEmpty();
        assertThat(bed.followUps.writeShowcase(bed.staff, id, "Des ateliers dans chaque quartier.", "Ateliers",
                "150 participants", true)).isEmpty();

        assertThat(initiativesOf(id)).isOne();
        assertThat(bed.jdbc.queryForObject("SELECT results FROM library_initiative WHERE source_key = ?", String.class,
                "programmes:" + id)).contains("150 participants").contains("/programmes/projets/" + id);
    }

    private int initiativesOf(long applicationId) {
        return bed.jdbc.queryForObject("SELECT COUNT(*) FROM library_initiative WHERE source_key = ?", Integer.class,
                "programmes:" + applicationId);
    }
}
