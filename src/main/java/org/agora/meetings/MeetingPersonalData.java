package org.agora.meetings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's meeting registrations, for "download my data". When the account is deleted, registrations to meetings
 * still to come are cancelled (their seats go to the waiting list) and every registration loses its name and address.
 */
@Component
class MeetingPersonalData implements PersonalData {

    private final Registrations registrations;
    private final MeetingRegistrations seats;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeetingPersonalData(Registrations registrations, MeetingRegistrations seats, JdbcTemplate jdbc, Clock clock) {
        this.registrations = registrations;
        this.seats = seats;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "meetings";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        List<Map<String, Object>> rows = registrations.ofAccount(account.value()).stream().map(registration -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("meetingId", registration.meetingId());
            one.put("code", registration.code());
            one.put("status", registration.status().name());
            one.put("name", registration.name());
            one.put("email", registration.email());
            one.put("accessibilityNeeds", registration.accessibilityNeeds());
            one.put("registeredAt", registration.createdAt().toString());
            return one;
        }).toList();
        return Map.of("registrations", rows);
    }

    @EventListener
    void on(AccountDeleted deleted) {
        long account = deleted.account().value();
        jdbc.queryForList("SELECT r.meeting_id FROM meeting_registration r JOIN meeting m ON m.id = r.meeting_id "
                        + "WHERE r.account_id = ? AND r.status <> 'CANCELLED' AND m.ends_at > ?", Long.class, account,
                Meetings.timestamp(clock.instant()))
                .forEach(meetingId -> seats.cancelOwn(meetingId, account));
        jdbc.update("UPDATE meeting_registration SET name = '—', email = CONCAT('deleted-', id, '@invalid'), "
                + "email_key = CONCAT('deleted-', id, '@invalid'), accessibility_needs = NULL WHERE account_id = ?", account);
    }
}
