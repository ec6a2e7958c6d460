package org.agora.proposals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.agora.AgoraTest;
import org.agora.accounts.AccountId;
import org.agora.accounts.AgoraUser;
import org.agora.comments.CommentPosted;
import org.agora.comments.CommentRemoved;
import org.agora.comments.CommentTarget;
import org.agora.processes.ProcessFeature;
import org.agora.processes.ProcessSettings;
import org.agora.shared.ResourceRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.agora.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@AgoraTest
class ProposalSupportTests {

    /** Supporters that need no real account: supports refer to people by id only. */
    private static final AtomicLong FAKE_ACCOUNTS = new AtomicLong(900_000_000L);

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ProposalSupports supports;
    @Autowired ApplicationEventPublisher events;
    @Autowired CommentTarget proposalTarget;

    ProposalTestBed bed;
    ProcessSettings process;
    AgoraUser author;

    @BeforeEach
    void setUp() {
        bed = new ProposalTestBed(context);
        process = bed.openProcess();
        author = bed.people.participant();
    }

    static AccountId someone() {
        return new AccountId(FAKE_ACCOUNTS.incrementAndGet());
    }

    /** Runs every task at the same moment on its own thread; returns what each threw (null when it succeeded). */
    static List<Throwable> together(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Callable<Void>> calls = new ArrayList<>();
        for (Runnable task : tasks) {
            calls.add(() -> {
                start.await();
                try {
                    task.run();
                } catch (Throwable failure) {
                    failures.add(failure);
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<Void>> done = new ArrayList<>();
            calls.forEach(call -> done.add(pool.submit(call)));
            start.countDown();
            for (Future<Void> future : done) {
                future.get();
            }
        }
        return failures;
    }

    @Test
    void aRepeatedSupportIsAnIdempotentSuccess() throws Exception {
        String reference = bed.publish(process, author);
        long id = bed.idOf(reference);
        AgoraUser supporter = bed.people.participant();
        String page = "/processes/" + process.slug() + "/proposals/" + reference;
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(page + "/support").with(as(supporter)).with(csrf()))
                    .andExpect(redirectedUrl(page)).andExpect(flash().attribute("flash", "proposals.flash.supported"));
        }
        assertThat(bed.supportRows(id)).isEqualTo(1);
        mvc.perform(get(page).with(as(supporter))).andExpect(content().string(containsString("Vous soutenez cette proposition.")));
    }

    @Test
    void unsupportingRemovesTheSupportOnceAndKeepsTheCountEqualToTheRows() throws Exception {
        long id = bed.idOf(bed.publish(process, author));
        AccountId one = someone();
        AccountId two = someone();
        supports.support(id, one);
        supports.support(id, two);
        assertThat(supports.withdrawSupport(id, one)).isEqualTo(ProposalSupports.Outcome.SUPPORTED);
        assertThat(supports.withdrawSupport(id, one)).isEqualTo(ProposalSupports.Outcome.NOT_SUPPORTED);
        assertThat(bed.supportRows(id)).isEqualTo(1);
        assertThat(bed.supportsCount(id)).isEqualTo(1);
    }

    @Test
    void fiftyParallelSupportsByOnePersonMakeExactlyOneSupport() throws Exception {
        long id = bed.idOf(bed.publish(process, author));
        AccountId person = someone();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(() -> supports.support(id, person));
        }
        assertThat(together(tasks)).isEmpty();
        assertThat(bed.supportRows(id)).isEqualTo(1);
        assertThat(bed.supportsCount(id)).isEqualTo(1);
    }

    @Test
    void fiftyPeopleSupportingInParallelMakeFiftySupports() throws Exception {
        long id = bed.idOf(bed.publish(process, author));
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AccountId person = someone();
            tasks.add(() -> supports.support(id, person));
        }
        assertThat(together(tasks)).isEmpty();
        assertThat(bed.supportRows(id)).isEqualTo(50);
        assertThat(bed.supportsCount(id)).isEqualTo(50);
    }

    @Test
    void theSupportLimitHoldsWhenOnePersonSupportsManyProposalsAtOnce() throws Exception {
        ProcessSettings limited = bed.openProcess(3, null);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(bed.idOf(bed.publish(limited, author)));
        }
        AccountId person = someone();
        List<Runnable> tasks = new ArrayList<>();
        ids.forEach(id -> tasks.add(() -> supports.support(id, person)));
        List<Throwable> failures = together(tasks);

        assertThat(failures).hasSize(7).allSatisfy(failure -> assertThat(failure).isInstanceOf(ProposalRefused.class)
                .extracting(refused -> ((ProposalRefused) refused).key()).isEqualTo("proposals.support.refused.limit"));
        int rows = bed.jdbc.queryForObject("SELECT COUNT(*) FROM proposal_support WHERE account_id = ?", Integer.class,
                person.value());
        assertThat(rows).isEqualTo(3);
        assertThat(ids.stream().mapToInt(bed::supportsCount).sum()).isEqualTo(3);
    }

    @Test
    void reachingTheThresholdMarksTheProposalAndIsAnnouncedOnce() throws Exception {
        ProcessSettings withThreshold = bed.openProcess(null, 5);
        long id = bed.idOf(bed.publish(withThreshold, author));
        List<ProposalThresholdReached> announced = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
            if (event.getPayload() instanceof ProposalThresholdReached reached && reached.proposalId().value() == id) {
                announced.add(reached);
            }
        };
        ((AbstractApplicationContext) context).addApplicationListener(listener);
        try {
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                AccountId person = someone();
                tasks.add(() -> supports.support(id, person));
            }
            assertThat(together(tasks)).isEmpty();
        } finally {
            ((AbstractApplicationContext) context).removeApplicationListener(listener);
        }
        assertThat(announced).containsExactly(new ProposalThresholdReached(new ProposalId(id), withThreshold.id()));
        assertThat(bed.jdbc.queryForObject("SELECT threshold_reached_at IS NOT NULL FROM proposal WHERE id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void aNewSupportIsAnnouncedOnceAndARepeatedOneNotAtAll() {
        ProcessSettings open = bed.openProcess();
        long id = bed.idOf(bed.publish(open, author));
        AccountId person = someone();
        List<ProposalSupported> announced = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
            if (event.getPayload() instanceof ProposalSupported supported && supported.proposalId().value() == id) {
                announced.add(supported);
            }
        };
        ((AbstractApplicationContext) context).addApplicationListener(listener);
        try {
            supports.support(id, person);
            supports.support(id, person);
        } finally {
            ((AbstractApplicationContext) context).removeApplicationListener(listener);
        }
        assertThat(announced).containsExactly(new ProposalSupported(new ProposalId(id), open.id(), person));
    }

    @Test
    void supportsOutsideAPhaseOpenToThemAreRefusedWithAMessageAndNothingStored() throws Exception {
        ProcessSettings noSupports = bed.processes.published("Sans soutiens", bed.region, List.of(), null, null,
                true, false, Set.of(ProcessFeature.PROPOSALS, ProcessFeature.SUPPORTS));
        String reference = bed.publish(noSupports, author, "Une proposition sans soutiens", bed.east, "");
        String page = "/processes/" + noSupports.slug() + "/proposals/" + reference;
        mvc.perform(post(page + "/support").with(as(bed.people.participant())).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashError", "proposals.support.refused.closed"));
        assertThat(bed.supportRows(bed.idOf(reference))).isZero();
        mvc.perform(get(page)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/support\""))));
    }

    @Test
    void aWithdrawnProposalCannotBeSupported() {
        String reference = bed.publish(process, author);
        bed.management.withdraw(process.slug(), reference, author);
        assertThatThrownBy(() -> supports.support(bed.idOf(reference), someone()))
                .isInstanceOf(ProposalRefused.class).hasMessage("proposals.support.refused.withdrawn");
    }

    @Test
    void aVisitorIsSentToSignInToSupport() throws Exception {
        String reference = bed.publish(process, author);
        mvc.perform(post("/processes/" + process.slug() + "/proposals/" + reference + "/support").with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertThat(bed.supportRows(bed.idOf(reference))).isZero();
    }

    @Test
    void theCountsShownEqualTheRowsStored() throws Exception {
        String reference = bed.publish(process, author);
        long id = bed.idOf(reference);
        for (int i = 0; i < 3; i++) {
            supports.support(id, someone());
        }
        events.publishEvent(new CommentPosted(1, new ResourceRef("proposal", id), author.id(), null, null));
        events.publishEvent(new CommentPosted(2, new ResourceRef("proposal", id), author.id(), null, null));
        events.publishEvent(new CommentRemoved(1, new ResourceRef("proposal", id)));
        events.publishEvent(new CommentPosted(3, new ResourceRef("meeting", id), author.id(), null, null));
        String page = mvc.perform(get("/processes/" + process.slug() + "/proposals")).andReturn().getResponse().getContentAsString();
        assertThat(bed.supportsCount(id)).isEqualTo(bed.supportRows(id)).isEqualTo(3);
        assertThat(bed.jdbc.queryForObject("SELECT comment_count FROM proposal WHERE id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(page).contains(reference);
    }

    @Test
    void proposalsAreCommentTargetsThatSayWhyOneMayNotComment() {
        String reference = bed.publish(process, author);
        long id = bed.idOf(reference);
        assertThat(proposalTarget.type()).isEqualTo("proposal");
        assertThat(proposalTarget.path(id)).contains("/processes/" + process.slug() + "/proposals/" + reference);
        assertThat(proposalTarget.refusal(id, author)).isEmpty();
        assertThat(proposalTarget.refusal(id, null)).contains("proposals.comment.signIn");
        assertThat(proposalTarget.refusal(999_999_999L, author)).contains("proposals.comment.unknown");
        bed.management.withdraw(process.slug(), reference, author);
        assertThat(proposalTarget.refusal(id, author)).contains("proposals.comment.withdrawn");

        String other = bed.publish(process, author);
        bed.processes.close(process.id());
        assertThat(proposalTarget.refusal(bed.idOf(other), author)).contains("proposals.comment.closed");

        ProcessSettings noComments = bed.processes.published("Sans commentaires", bed.region, List.of(), null, null,
                true, true, Set.of(ProcessFeature.PROPOSALS));
        assertThat(proposalTarget.refusal(bed.idOf(bed.publish(noComments, author, "Une proposition sans débat", bed.east, "")),
                author)).contains("proposals.comment.off");
    }
}
