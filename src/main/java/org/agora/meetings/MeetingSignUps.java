package org.agora.meetings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Registrations for other modules (the API of the opendata module): the same rules as the registration form — seats
 * counted under the meeting's lock, the waiting list, the meeting's own questions, invitations — applied by
 * {@link MeetingRegistrations}. Registering twice or cancelling twice is a success that changes nothing.
 */
@Service
public class MeetingSignUps {

    private final Meetings meetings;
    private final Registrations registrations;
    private final MeetingRegistrations seats;

    MeetingSignUps(Meetings meetings, Registrations registrations, MeetingRegistrations seats) {
        this.meetings = meetings;
        this.registrations = registrations;
        this.seats = seats;
    }

    /**
     * A person's registration as the API shows it: {@code status} is CONFIRMED (a seat), WAITING (with its position),
     * CANCELLED or NONE; {@code code} is the short code shown at the door.
     */
    public record SignUp(long meetingId, String status, Integer waitingPosition, String code, boolean unchanged) {
    }

    /**
     * Registers the person; {@code answers} maps the meeting's question fields ({@code q<id>}) to the values given,
     * {@code invitation} is the invitation token of a meeting by invitation.
     */
    public SignUp register(long meetingId, AgoraUser person, Map<String, List<String>> answers, String accessibilityNeeds,
                           String invitation) {
        requirePublic(meetingId);
        try {
            RegistrationOutcome outcome = seats.register(meetingId,
                    new Registrant(person.id().value(), person.pseudonym(), person.email(), person.language()),
                    answers == null ? Map.of() : answers, accessibilityNeeds, invitation);
            return view(outcome.registration(), outcome.existing());
        } catch (InvalidAnswers invalid) {
            throw Refusal.invalid(invalid.problems());
        } catch (MeetingRefused refused) {
            throw translate(refused);
        }
    }

    /** Cancels the person's registration, freeing the seat for the waiting list; without one, changes nothing. */
    public SignUp cancel(long meetingId, AgoraUser person) {
        requirePublic(meetingId);
        Optional<Registration> existing = registrations.findByAccount(meetingId, person.id().value());
        if (existing.isEmpty()) {
            return new SignUp(meetingId, "NONE", null, null, true);
        }
        boolean unchanged = !existing.get().status().active();
        try {
            seats.cancelOwn(meetingId, person.id().value());
        } catch (MeetingRefused refused) {
            throw translate(refused);
        }
        return view(registrations.find(existing.get().id()).orElseThrow(), unchanged);
    }

    /** The person's registration to the meeting, if any. */
    public Optional<SignUp> of(long meetingId, AgoraUser person) {
        return registrations.findByAccount(meetingId, person.id().value()).map(found -> view(found, true));
    }

    private void requirePublic(long meetingId) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(Refusal::notFound);
        if (meeting.status() == MeetingStatus.DRAFT) {
            throw Refusal.notFound();
        }
    }

    private SignUp view(Registration registration, boolean unchanged) {
        return new SignUp(registration.meetingId(), registration.status().name(), seats.waitingPosition(registration),
                registration.status() == RegistrationStatus.CONFIRMED ? registration.code() : null, unchanged);
    }

    private static Refusal translate(MeetingRefused refused) {
        return refused.status() == HttpStatus.NOT_FOUND ? Refusal.notFound() : Refusal.conflict(refused.key());
    }
}
