package org.agora.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.shared.LostRaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and cancelling. Every decision about seats is taken with the meeting row locked, and the counters on
 * the meeting are changed in the same transaction, so that the number of confirmed seats never exceeds the capacity
 * and the waiting list is served first come, first served. A transaction that loses a race on the unique
 * constraints is run again, and then finds the registration made meanwhile: a second registration is a success.
 */
@Service
class MeetingRegistrations {

    static final Duration GUEST_CONFIRMATION = Duration.ofHours(48);
    private static final int ATTEMPTS = 10;

    private final Meetings meetings;
    private final Registrations registrations;
    private final MeetingMails mails;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    MeetingRegistrations(Meetings meetings, Registrations registrations, MeetingMails mails, Clock clock,
                         PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.events = events;
        this.meetings = meetings;
        this.registrations = registrations;
        this.mails = mails;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Registers someone, or answers with their existing registration. A signed-in person gets a seat or a place in
     * the waiting list at once; a guest is PENDING until the link mailed to them is followed.
     */
    RegistrationOutcome register(long meetingId, Registrant who, Map<String, List<String>> rawAnswers,
                                 String accessibilityNeeds, String invitationToken) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(MeetingRefused::notFound);
        requireInvitation(meeting, invitationToken);
        Map<Long, String> answers = validate(meetings.questions(meetingId), rawAnswers);
        String needs = accessibilityNeeds == null || accessibilityNeeds.isBlank() ? null : accessibilityNeeds.strip();
        if (needs != null && needs.length() > 1000) {
            throw new InvalidAnswers(Map.of("accessibilityNeeds", "meetings.register.needs.length"));
        }
        return LostRaces.retry(ATTEMPTS, () -> transactions.execute(status -> {
            Instant now = clock.instant();
            Meeting locked = meetings.lock(meetingId).orElseThrow(MeetingRefused::notFound);
            Optional<Registration> existing = who.accountId() != null
                    ? registrations.findByAccount(meetingId, who.accountId()).or(() -> registrations.findByEmail(meetingId, who.email()))
                    : registrations.findByEmail(meetingId, who.email());
            if (existing.isPresent() && existing.get().status().active()) {
                return new RegistrationOutcome(existing.get(), true);
            }
            String closed = locked.registrationClosedReason(now);
            if (closed != null) {
                throw MeetingRefused.conflict(closed);
            }
            boolean guest = who.accountId() == null;
            RegistrationStatus state = guest ? RegistrationStatus.PENDING
                    : locked.hasFreeSeat() && locked.waitingCount() == 0 ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
            String confirmToken = guest ? Tokens.newToken() : null;
            String cancelToken = Tokens.newToken();
            Registrations.NewRegistration row = new Registrations.NewRegistration(meetingId, who.accountId(), who.name(),
                    who.email().strip(), who.language(), state, needs, guest ? Tokens.hash(confirmToken) : null,
                    guest ? now.plus(GUEST_CONFIRMATION) : null, Tokens.hash(cancelToken));
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
                registrations.reopen(id, row, now);
            } else {
                id = insertWithFreshCode(row, now);
            }
            registrations.saveAnswers(id, answers);
            count(meetingId, state, +1);
            Registration registration = registrations.find(id).orElseThrow();
            if (guest) {
                mails.confirmYourRegistration(locked, registration, confirmToken);
            } else {
                mails.registered(locked, registration, cancelToken, waitingPosition(registration));
                events.publishEvent(new RegisteredForMeeting(new MeetingId(meetingId), id,
                        state == RegistrationStatus.WAITING, locked.invitationOnly()));
            }
            return new RegistrationOutcome(registration, false);
        }));
    }

    /** A guest follows the mailed link: the registration takes a seat or a place in the waiting list. */
    Registration confirmGuest(String token) {
        Registration pending = registrations.findByConfirmToken(token)
                .orElseThrow(() -> new MeetingRefused("meetings.confirm.invalid", HttpStatus.NOT_FOUND));
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Meeting meeting = meetings.lock(pending.meetingId()).orElseThrow(MeetingRefused::notFound);
            Registration registration = registrations.find(pending.id()).orElseThrow();
            if (registration.status() != RegistrationStatus.PENDING) {
                throw new MeetingRefused("meetings.confirm.invalid", HttpStatus.NOT_FOUND);
            }
            if (!now.isBefore(registration.confirmExpiresAt())) {
                throw new MeetingRefused("meetings.confirm.expired", HttpStatus.GONE);
            }
            String closed = meeting.registrationClosedReason(now);
            if (closed != null) {
                throw MeetingRefused.conflict(closed);
            }
            RegistrationStatus state = meeting.hasFreeSeat() && meeting.waitingCount() == 0
                    ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
            registrations.changeStatus(registration.id(), state, now);
            count(meeting.id(), RegistrationStatus.PENDING, -1);
            count(meeting.id(), state, +1);
            Registration confirmed = registrations.find(registration.id()).orElseThrow();
            mails.registered(meeting, confirmed, rotateCancelToken(confirmed), waitingPosition(confirmed));
            events.publishEvent(new RegisteredForMeeting(new MeetingId(meeting.id()), confirmed.id(),
                    state == RegistrationStatus.WAITING, meeting.invitationOnly()));
            return confirmed;
        });
    }

    /** The signed-in person cancels their own registration; one already cancelled stays so. */
    void cancelOwn(long meetingId, long accountId) {
        Registration registration = registrations.findByAccount(meetingId, accountId)
                .orElseThrow(MeetingRefused::notFound);
        cancel(registration.id());
    }

    /** Cancelling from the link of a mail. */
    Registration cancelByToken(String token) {
        Registration registration = registrations.findByCancelToken(token)
                .orElseThrow(() -> new MeetingRefused("meetings.cancel.invalid", HttpStatus.NOT_FOUND));
        cancel(registration.id());
        return registration;
    }

    Optional<Registration> byCancelToken(String token) {
        return registrations.findByCancelToken(token);
    }

    private void cancel(long registrationId) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Registration unlocked = registrations.find(registrationId).orElseThrow();
            Meeting meeting = meetings.lock(unlocked.meetingId()).orElseThrow(MeetingRefused::notFound);
            Registration registration = registrations.find(registrationId).orElseThrow();
            if (!registration.status().active()) {
                return;
            }
            if (!meeting.endsAt().isAfter(now)) {
                throw MeetingRefused.conflict("meetings.refused.past");
            }
            registrations.changeStatus(registration.id(), RegistrationStatus.CANCELLED, now);
            count(meeting.id(), registration.status(), -1);
            events.publishEvent(new MeetingRegistrationCancelled(new MeetingId(meeting.id()), registration.id(),
                    meeting.invitationOnly()));
            promoteWaiting(meeting.id(), now);
        });
    }

    /**
     * Gives the free seats to the waiting list, first come first served. Runs with the meeting row locked, after a
     * cancellation or a capacity increase.
     */
    void promoteWaiting(long meetingId, Instant now) {
        while (true) {
            Meeting meeting = meetings.find(meetingId).orElseThrow();
            if (!meeting.hasFreeSeat() || meeting.status() != MeetingStatus.PUBLISHED) {
                return;
            }
            Optional<Registration> first = registrations.firstWaiting(meetingId);
            if (first.isEmpty()) {
                return;
            }
            registrations.changeStatus(first.get().id(), RegistrationStatus.CONFIRMED, now);
            count(meetingId, RegistrationStatus.WAITING, -1);
            count(meetingId, RegistrationStatus.CONFIRMED, +1);
            Registration promoted = registrations.find(first.get().id()).orElseThrow();
            mails.promoted(meeting, promoted, rotateCancelToken(promoted));
        }
    }

    Integer waitingPosition(Registration registration) {
        return registration.status() == RegistrationStatus.WAITING ? registrations.waitingPosition(registration) : null;
    }

    /**
     * The cancel link is sent again with each mail about the seat; only its hash is kept, so a new one replaces the
     * previous link.
     */
    private String rotateCancelToken(Registration registration) {
        String token = Tokens.newToken();
        registrations.replaceCancelToken(registration.id(), Tokens.hash(token));
        return token;
    }

    private void count(long meetingId, RegistrationStatus state, int delta) {
        switch (state) {
            case CONFIRMED -> meetings.changeCounts(meetingId, delta, 0);
            case WAITING -> meetings.changeCounts(meetingId, 0, delta);
            default -> {
            }
        }
    }

    private long insertWithFreshCode(Registrations.NewRegistration row, Instant now) {
        for (int attempt = 0; ; attempt++) {
            try {
                return registrations.insert(row, Tokens.newCode(), now);
            } catch (DuplicateKeyException clash) {
                // Either the code clashed (astronomically rare) or the person registered meanwhile: the retry of
                // the whole transaction by LostRaces finds the registration in the second case.
                if (attempt >= 2 || registrations.findByEmail(row.meetingId(), row.email()).isPresent()
                        || row.accountId() != null && registrations.findByAccount(row.meetingId(), row.accountId()).isPresent()) {
                    throw clash;
                }
            }
        }
    }

    static void requireInvitation(Meeting meeting, String invitationToken) {
        if (meeting.invitationOnly() && !Tokens.same(meeting.invitationToken(), invitationToken)) {
            throw new MeetingRefused("meetings.refused.invitation", HttpStatus.FORBIDDEN);
        }
    }

    /** Checks the answers against the form: required questions answered, only options that exist. */
    static Map<Long, String> validate(List<Question> questions, Map<String, List<String>> raw) {
        Map<Long, String> answers = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Question question : questions) {
            List<String> given = raw.getOrDefault(question.name(), List.of()).stream()
                    .map(String::strip).filter(value -> !value.isEmpty()).toList();
            String answer = switch (question.kind()) {
                case TEXT -> given.isEmpty() ? null : given.get(0);
                case CHECKBOX -> given.contains("yes") ? "yes" : null;
                case SINGLE_CHOICE -> given.size() > 1 ? problem(problems, question, "meetings.register.answer.one")
                        : given.isEmpty() ? null : option(problems, question, given);
                case MULTIPLE_CHOICE -> given.isEmpty() ? null : option(problems, question, given);
            };
            if (problems.containsKey(question.name())) {
                continue;
            }
            if (answer == null && question.required()) {
                problems.put(question.name(), "meetings.register.answer.required");
            } else if (answer != null && answer.length() > 2000) {
                problems.put(question.name(), "meetings.register.answer.length");
            } else if (answer != null) {
                answers.put(question.id(), answer);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswers(problems);
        }
        return answers;
    }

    private static String option(Map<String, String> problems, Question question, List<String> given) {
        if (!question.options().containsAll(given)) {
            return problem(problems, question, "meetings.register.answer.unknown-option");
        }
        return String.join("\n", given.stream().distinct().toList());
    }

    private static String problem(Map<String, String> problems, Question question, String key) {
        problems.put(question.name(), key);
        return null;
    }
}
