package org.agora.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;

import org.agora.shared.Clocks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The network's calendar settings (docs/configuration.md): the report for year N is due on a day of year N+1
 * ({@code agora.programmes.centre-report-deadline}, "--01-31" by default), reminded that many days before
 * ({@code agora.programmes.centre-report-reminder-days}); the default yearly grant of an agreement in cents.
 */
@Component
class CentreReportCalendar {

    private final MonthDay deadline;
    private final int reminderDays;
    private final long defaultYearlyGrantCents;
    private final Clock clock;

    CentreReportCalendar(@Value("${agora.programmes.centre-report-deadline:--01-31}") String deadline,
                         @Value("${agora.programmes.centre-report-reminder-days:14}") int reminderDays,
                         @Value("${agora.programmes.centre-yearly-grant-cents:200000}") long defaultYearlyGrantCents,
                         Clock clock) {
        this.deadline = MonthDay.parse(deadline);
        if (reminderDays < 1 || reminderDays > 180) {
            throw new IllegalArgumentException("agora.programmes.centre-report-reminder-days must be 1 to 180");
        }
        this.reminderDays = reminderDays;
        this.defaultYearlyGrantCents = defaultYearlyGrantCents;
        this.clock = clock;
    }

    /** The day the report on {@code year} is due (included). */
    LocalDate deadline(int year) {
        return deadline.atYear(year + 1);
    }

    /** The day the reminder before the deadline of {@code year} goes out. */
    LocalDate reminderDay(int year) {
        return deadline(year).minusDays(reminderDays);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }

    long defaultYearlyGrantCents() {
        return defaultYearlyGrantCents;
    }
}
