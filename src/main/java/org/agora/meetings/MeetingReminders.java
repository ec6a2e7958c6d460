package org.agora.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds confirmed registrants the day before. Each registration is claimed by setting reminder_sent_at only where
 * it is still null, in the same transaction as the mail: with several nodes, each reminder goes out once.
 */
@Component
class MeetingReminders {

    private final Registrations registrations;
    private final Meetings meetings;
    private final MeetingMails mails;
    private final Clock clock;

    MeetingReminders(Registrations registrations, Meetings meetings, MeetingMails mails, Clock clock) {
        this.registrations = registrations;
        this.meetings = meetings;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${agora.meetings.reminder-delay:PT15M}", initialDelayString = "${agora.meetings.reminder-initial-delay:PT1M}")
    void scheduled() {
        sendDue(clock.instant());
    }

    /** Meetings starting within the next 24 hours; returns how many reminders this call sent. */
    @Transactional
    int sendDue(Instant now) {
        var claimed = registrations.claimReminders(now, now.plus(Duration.ofHours(24)), now);
        claimed.forEach(registration -> mails.reminder(meetings.find(registration.meetingId()).orElseThrow(), registration));
        return claimed.size();
    }
}
