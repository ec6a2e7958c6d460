package org.agora.programmes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the centres whose yearly report is not submitted: once some days before the deadline, once after it. Each
 * reminder is claimed by inserting its row in centre_report_reminder in the same transaction as the mail, so it goes
 * out once, also with several nodes or runs.
 */
@Component
class CentreReminders {

    enum Kind { BEFORE, OVERDUE }

    private final JdbcTemplate jdbc;
    private final CentreAgreements agreements;
    private final CentreReports reports;
    private final CyberCentres centres;
    private final CentreReportCalendar calendar;
    private final CentreMails mails;
    private final Clock clock;

    CentreReminders(JdbcTemplate jdbc, CentreAgreements agreements, CentreReports reports, CyberCentres centres,
                    CentreReportCalendar calendar, CentreMails mails, Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.reports = reports;
        this.centres = centres;
        this.calendar = calendar;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${agora.programmes.centre-reminder-delay:PT1H}",
            initialDelayString = "${agora.programmes.centre-reminder-initial-delay:PT2M}")
    void scheduled() {
        sendDue(calendar.today());
    }

    /** Sends the reminders due on {@code today} (Europe/Paris) not sent yet; returns how many centres were reminded. */
    @Transactional
    int sendDue(LocalDate today) {
        int sent = 0;
        for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
            LocalDate deadline = calendar.deadline(year);
            Kind kind = !today.isBefore(calendar.reminderDay(year)) && !today.isAfter(deadline) ? Kind.BEFORE
                    : today.isAfter(deadline) && today.isBefore(deadline.plusYears(1)) ? Kind.OVERDUE : null;
            if (kind == null) {
                continue;
            }
            int reportYear = year;
            Set<Long> submitted = reports.findByYear(year).stream().filter(CentreReport::submitted)
                    .map(CentreReport::centreId).collect(Collectors.toSet());
            Set<Long> expected = agreements.findByStartYearLessThanEqualAndEndYearGreaterThanEqual(year, year).stream()
                    .map(CentreAgreement::centreId).filter(id -> !submitted.contains(id)).collect(Collectors.toSet());
            for (CyberCentre centre : centres.findAllById(expected)) {
                if (centre.active() && claim(centre.id(), reportYear, kind)) {
                    mails.reminder(centre, reportYear, deadline, kind == Kind.OVERDUE);
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean claim(long centreId, int year, Kind kind) {
        return jdbc.update("""
                INSERT INTO centre_report_reminder (centre_id, report_year, kind, sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", centreId, year, kind.name(), Timestamp.from(clock.instant())) == 1;
    }
}
