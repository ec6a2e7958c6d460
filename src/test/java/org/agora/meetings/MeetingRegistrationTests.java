package org.agora.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.agora.AgoraTest;
import org.agora.accounts.AgoraUser;
import org.agora.shared.MailRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AgoraTest
@RecordApplicationEvents
class MeetingRegistrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;

    MeetingTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new MeetingTestBed(context);
    }

    @Test
    void confirmsASeatAndMailsTheCodeWithItsQrCodeAndCalendar() {
        long meeting = bed.publishedMeeting(10);
        AgoraUser someone = bed.people.participant();

        RegistrationOutcome outcome = bed.register(meeting, someone);

        assertThat(outcome.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(outcome.registration().code()).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(1);
        MailRequested mail = events.stream(MailRequested.class).filter(m -> m.recipient().equals(someone.email()))
                .findFirst().orElseThrow();
        assertThat(mail.topic()).isEqualTo("meeting-registration");
        assertThat(mail.text()).contains(outcome.registration().code());
        assertThat(mail.html()).contains("cid:" + MeetingMails.QR_CID);
        assertThat(mail.attachments()).extracting(a -> a.contentType())
                .containsExactly("image/png", "text/calendar; charset=utf-8");
    }

    @Test
    void aSecondRegistrationOfTheSamePersonIsTheFirstOne() {
        long meeting = bed.publishedMeeting(10);
        AgoraUser someone = bed.people.participant();

        RegistrationOutcome first = bed.register(meeting, someone);
        RegistrationOutcome second = bed.register(meeting, someone);

        assertThat(second.existing()).isTrue();
        assertThat(second.registration().id()).isEqualTo(first.registration().id());
        assertThat(bed.statuses(meeting)).containsExactly("CONFIRMED");
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(1);
    }

    @Test
    void promotesTheFirstWaitingPersonWhenASeatFrees() {
        long meeting = bed.publishedMeeting(1);
        AgoraUser holder = bed.people.participant();
        AgoraUser first = bed.people.participant();
        AgoraUser second = bed.people.participant();
        bed.register(meeting, holder);
        assertThat(bed.register(meeting, first).registration().status()).isEqualTo(RegistrationStatus.WAITING);
        bed.register(meeting, second);

        bed.registrations.cancelOwn(meeting, holder.id().value());

        assertThat(bed.registrations.waitingPosition(bed.register(meeting, second).registration())).isEqualTo(1);
        assertThat(bed.register(meeting, first).registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(1);
        assertThat(bed.meeting(meeting).waitingCount()).isEqualTo(1);
        assertThat(events.stream(MailRequested.class).filter(m -> m.recipient().equals(first.email()))
                .map(MailRequested::topic)).containsExactly("meeting-waiting", "meeting-promoted");
    }

    @Test
    void promotesInArrivalOrderWhenStaffRaiseTheCapacity() {
        MeetingDetails details = bed.details(MeetingKind.SEMINAR, 1, Instant.now().plus(Duration.ofDays(5)));
        long meeting = bed.published(details);
        bed.register(meeting, bed.people.participant());
        AgoraUser first = bed.people.participant();
        AgoraUser second = bed.people.participant();
        AgoraUser third = bed.people.participant();
        bed.register(meeting, first);
        bed.register(meeting, second);
        bed.register(meeting, third);

        bed.management.update(bed.staff, meeting, withCapacity(details, 3));

        assertThat(bed.statuses(meeting)).containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITING");
        assertThat(bed.register(meeting, third).registration().status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(3);
        assertThat(bed.meeting(meeting).waitingCount()).isEqualTo(1);
    }

    @Test
    void refusesRegistrationOutsideTheWindowAndForDraftOrCancelledMeetings() {
        MeetingDetails later = new MeetingDetails(null, MeetingKind.SEMINAR, MeetingFormat.IN_PERSON, "Plus tard",
                "Pas encore ouverte.", Instant.now().plus(Duration.ofDays(20)), Instant.now().plus(Duration.ofDays(21)),
                null, bed.north, bed.northCommune, "Salle", null, "Région", false, null, true,
                Instant.now().plus(Duration.ofDays(2)), null);
        long notYet = bed.published(later);
        long draft = bed.management.create(bed.staff, bed.details(MeetingKind.SEMINAR, null, Instant.now().plus(Duration.ofDays(3))));
        long cancelled = bed.publishedMeeting(null);
        bed.management.cancel(bed.staff, cancelled);
        AgoraUser someone = bed.people.participant();

        assertRefused(notYet, someone, "meetings.refused.not-yet-open");
        assertRefused(draft, someone, "meetings.refused.draft");
        assertRefused(cancelled, someone, "meetings.refused.cancelled");
    }

    @Test
    void anInvitationOnlyMeetingNeedsTheInvitationToken() {
        MeetingDetails details = bed.details(MeetingKind.SEMINAR, null, Instant.now().plus(Duration.ofDays(4)));
        long meeting = bed.published(new MeetingDetails(null, details.kind(), details.format(), details.title(),
                details.description(), details.startsAt(), details.endsAt(), null, bed.north, bed.northCommune,
                details.address(), details.onlineUrl(), details.organiserName(), true, null, true, null, null));
        AgoraUser someone = bed.people.participant();

        assertThatThrownBy(() -> bed.registrations.register(meeting, MeetingTestBed.registrant(someone), Map.of(), null, "wrong"))
                .isInstanceOfSatisfying(MeetingRefused.class, refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN));
        RegistrationOutcome outcome = bed.registrations.register(meeting, MeetingTestBed.registrant(someone), Map.of(), null,
                bed.meeting(meeting).invitationToken());
        assertThat(outcome.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aGuestHoldsASeatOnlyOnceTheMailedLinkIsFollowedAndTheLinkWorksOnce() {
        long meeting = bed.publishedMeeting(5);
        Registrant guest = MeetingTestBed.guest("Camille Guest");

        RegistrationOutcome outcome = bed.registrations.register(meeting, guest, Map.of(), "Fauteuil roulant", null);

        assertThat(outcome.registration().status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(bed.meeting(meeting).confirmedCount()).isZero();
        String token = linkToken(guest.email(), "meeting-confirm", "/meetings/registrations/confirm?token=");
        assertThat(bed.registrations.confirmGuest(token).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(bed.meeting(meeting).confirmedCount()).isEqualTo(1);
        assertThatThrownBy(() -> bed.registrations.confirmGuest(token)).isInstanceOf(MeetingRefused.class);
    }

    @Test
    void aGuestConfirmationLinkExpiresAfterTwoDays() {
        long meeting = bed.publishedMeeting(5);
        Registrant guest = MeetingTestBed.guest("Dominique Late");
        RegistrationOutcome outcome = bed.registrations.register(meeting, guest, Map.of(), null, null);
        bed.jdbc.update("UPDATE meeting_registration SET confirm_expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), outcome.registration().id());
        String token = linkToken(guest.email(), "meeting-confirm", "/meetings/registrations/confirm?token=");

        assertThatThrownBy(() -> bed.registrations.confirmGuest(token))
                .isInstanceOfSatisfying(MeetingRefused.class, refused -> assertThat(refused.status()).isEqualTo(HttpStatus.GONE));
        assertThat(outcome.registration().confirmExpiresAt()).isBetween(Instant.now().plus(Duration.ofHours(47)),
                Instant.now().plus(Duration.ofHours(48)));
    }

    @Test
    void aGuestCancelsWithTheLinkOfTheMail() {
        long meeting = bed.publishedMeeting(5);
        Registrant guest = MeetingTestBed.guest("Alix Cancel");
        bed.registrations.register(meeting, guest, Map.of(), null, null);
        bed.registrations.confirmGuest(linkToken(guest.email(), "meeting-confirm", "/meetings/registrations/confirm?token="));

        bed.registrations.cancelByToken(linkToken(guest.email(), "meeting-registration", "/meetings/registrations/cancel?token="));

        assertThat(bed.statuses(meeting)).containsExactly("CANCELLED");
        assertThat(bed.meeting(meeting).confirmedCount()).isZero();
    }

    @Test
    void checksAnswersAgainstTheForm() {
        long meeting = bed.publishedMeeting(null);
        bed.management.addQuestion(bed.staff, meeting, QuestionKind.SINGLE_CHOICE, "Repas ?", true, "Oui\nNon");
        bed.management.addQuestion(bed.staff, meeting, QuestionKind.TEXT, "Commentaire", false, "");
        List<Question> questions = bed.meetings.questions(meeting);
        AgoraUser someone = bed.people.participant();
        String meal = questions.get(0).name();

        assertThatThrownBy(() -> bed.registrations.register(meeting, MeetingTestBed.registrant(someone), Map.of(), null, null))
                .isInstanceOfSatisfying(InvalidAnswers.class, invalid -> assertThat(invalid.problems())
                        .containsEntry(meal, "meetings.register.answer.required"));
        assertThatThrownBy(() -> bed.registrations.register(meeting, MeetingTestBed.registrant(someone),
                Map.of(meal, List.of("Peut-être")), null, null))
                .isInstanceOfSatisfying(InvalidAnswers.class, invalid -> assertThat(invalid.problems())
                        .containsEntry(meal, "meetings.register.answer.unknown-option"));
        bed.registrations.register(meeting, MeetingTestBed.registrant(someone), Map.of(meal, List.of("Non")), null, null);
        assertThat(bed.jdbc.queryForList("SELECT answer FROM meeting_answer a JOIN meeting_registration r ON r.id = "
                + "a.registration_id WHERE r.meeting_id = ?", String.class, meeting)).containsExactly("Non");
    }

    @Test
    void cancellingAMeetingTellsEveryoneRegistered() {
        long meeting = bed.publishedMeeting(1);
        AgoraUser seated = bed.people.participant();
        AgoraUser waiting = bed.people.participant();
        bed.register(meeting, seated);
        bed.register(meeting, waiting);

        bed.management.cancel(bed.staff, meeting);

        assertThat(events.stream(MailRequested.class).filter(m -> m.topic().equals("meeting-cancelled"))
                .map(MailRequested::recipient)).containsExactlyInAnyOrder(seated.email(), waiting.email());
    }

    @Test
    void aDeletedAccountFreesItsSeatAndLeavesNoNameBehind() {
        long meeting = bed.publishedMeeting(1);
        AgoraUser leaving = bed.people.participant();
        AgoraUser next = bed.people.participant();
        bed.register(meeting, leaving);
        bed.register(meeting, next);

        context.publishEvent(new org.agora.accounts.AccountDeleted(leaving.id()));

        assertThat(bed.register(meeting, next).registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(bed.jdbc.queryForList("SELECT email FROM meeting_registration WHERE meeting_id = ? AND status = 'CANCELLED'",
                String.class, meeting)).singleElement().asString().endsWith("@invalid");
    }

    private void assertRefused(long meeting, AgoraUser someone, String key) {
        assertThatThrownBy(() -> bed.register(meeting, someone)).isInstanceOfSatisfying(MeetingRefused.class,
                refused -> {
                    assertThat(refused.key()).isEqualTo(key);
                    assertThat(refused.status().is4xxClientError()).isTrue();
                });
    }

    private String linkToken(String email, String topic, String prefix) {
        String text = events.stream(MailRequested.class).filter(m -> m.recipient().equals(email) && m.topic().equals(topic))
                .reduce((a, b) -> b).orElseThrow().text();
        int start = text.indexOf(prefix) + prefix.length();
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }

    private static MeetingDetails withCapacity(MeetingDetails d, int capacity) {
        return new MeetingDetails(d.seriesId(), d.kind(), d.format(), d.title(), d.description(), d.startsAt(), d.endsAt(),
                d.processId(), d.territoryId(), d.communeId(), d.address(), d.onlineUrl(), d.organiserName(),
                d.invitationOnly(), capacity, d.registrationEnabled(), d.registrationOpensAt(), d.registrationClosesAt());
    }

    @Test
    void publishingRegisteringAndCancellingAreEventsWithIdsOnly() {
        long meeting = bed.publishedMeeting(1);
        AgoraUser first = bed.people.participant();
        AgoraUser second = bed.people.participant();

        long seat = bed.register(meeting, first).registration().id();
        long waiting = bed.register(meeting, second).registration().id();
        bed.registrations.cancelOwn(meeting, first.id().value());

        assertThat(events.stream(MeetingPublished.class).filter(e -> e.meetingId().value() == meeting))
                .containsExactly(new MeetingPublished(new MeetingId(meeting), false));
        assertThat(events.stream(RegisteredForMeeting.class).filter(e -> e.meetingId().value() == meeting))
                .containsExactly(new RegisteredForMeeting(new MeetingId(meeting), seat, false, false),
                        new RegisteredForMeeting(new MeetingId(meeting), waiting, true, false));
        assertThat(events.stream(MeetingRegistrationCancelled.class).filter(e -> e.meetingId().value() == meeting))
                .containsExactly(new MeetingRegistrationCancelled(new MeetingId(meeting), seat, false));
    }
}
