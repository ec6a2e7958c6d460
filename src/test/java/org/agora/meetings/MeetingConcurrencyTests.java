package org.agora.meetings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Real threads registering and cancelling at once: the seat count never goes past the capacity, nor drifts. */
@AgoraTest
class MeetingConcurrencyTests {

    @Autowired
    ApplicationContext context;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    @Test
    void twentyPeopleRegisteringAtOnceForTheLastSeatGetOneSeatAndNineteenPlacesInOrder() throws Exception {
        long meeting = bed.publishedMeeting(10);
        for (int i = 0; i < 9; i++) {
            bed.register(meeting, bed.people.participant());
        }
        List<AgoraUser> crowd = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            crowd.add(bed.people.participant());
        }

        List<RegistrationOutcome> outcomes = runTogether(crowd.stream()
                .<Callable<RegistrationOutcome>>map(person -> () -> bed.register(meeting, person)).toList());

        assertThat(outcomes).extracting(outcome -> outcome.registration().status())
                .containsOnlyOnce(RegistrationStatus.CONFIRMED);
        assertThat(bed.count(meeting, RegistrationStatus.CONFIRMED)).isEqualTo(10);
        assertThat(bed.count(meeting, RegistrationStatus.WAITING)).isEqualTo(19);
        Meeting counted = bed.meeting(meeting);
        assertThat(counted.confirmedCount()).isEqualTo(10);
        assertThat(counted.waitingCount()).isEqualTo(19);
        List<Registration> waiting = context.getBean(Registrations.class).ofMeeting(meeting, RegistrationStatus.WAITING);
        List<Integer> positions = waiting.stream().map(bed.registrations::waitingPosition).toList();
        assertThat(positions).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 19).boxed().toList());
        assertThat(waiting).extracting(Registration::queuedAt).isSorted();
    }

    @Test
    void interleavedCancellationsAndRegistrationsKeepTheCountsExact() throws Exception {
        long meeting = bed.publishedMeeting(10);
        List<AgoraUser> registered = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            AgoraUser person = bed.people.participant();
            bed.register(meeting, person);
            registered.add(person);
        }
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AgoraUser leaving = registered.get(i);
            work.add(() -> {
                bed.registrations.cancelOwn(meeting, leaving.id().value());
                return null;
            });
            AgoraUser arriving = bed.people.participant();
            work.add(() -> bed.register(meeting, arriving));
        }
        Collections.shuffle(work, new java.util.Random(42));

        runTogether(work);

        int confirmed = bed.count(meeting, RegistrationStatus.CONFIRMED);
        int waiting = bed.count(meeting, RegistrationStatus.WAITING);
        assertThat(confirmed).isEqualTo(10);
        assertThat(confirmed + waiting).isEqualTo(15);
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(confirmed);
        assertThat(bed.meeting(meeting).waitingCount()).isEqualTo(waiting);
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
