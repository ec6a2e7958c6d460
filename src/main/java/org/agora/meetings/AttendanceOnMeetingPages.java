package org.agora.meetings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what attendance knows to the public meeting and series pages, without touching their controller: on a past
 * meeting its figures (counts only) and its published minutes, for who runs its door the links to the check-in, the
 * report and the minutes; on a series the figures of its meetings held.
 */
@ControllerAdvice(assignableTypes = MeetingController.class)
class AttendanceOnMeetingPages {

    private static final Pattern MEETING = Pattern.compile("/meetings/(\\d{1,18})");
    private static final Pattern SERIES = Pattern.compile("/meetings/series/([a-z0-9-]{1,120})");

    private final Attendance attendance;
    private final MinutesBook minutes;
    private final Meetings meetings;
    private final AttendanceCatalog catalog;

    AttendanceOnMeetingPages(Attendance attendance, MinutesBook minutes, Meetings meetings, AttendanceCatalog catalog) {
        this.attendance = attendance;
        this.minutes = minutes;
        this.meetings = meetings;
        this.catalog = catalog;
    }

    @ModelAttribute
    void attendance(HttpServletRequest request, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher meeting = MEETING.matcher(path);
        Matcher series = SERIES.matcher(path);
        if (meeting.matches()) {
            meetings.find(Long.parseLong(meeting.group(1))).ifPresent(found -> {
                model.addAttribute("onSite", attendance.mayRunOnSite(user, found));
                model.addAttribute("minutesPublished", minutes.find(found.id()).filter(MinutesBook.Minutes::published).isPresent());
                if (found.isPast(attendance.now()) && found.status() == MeetingStatus.PUBLISHED) {
                    model.addAttribute("attendanceFigures", attendance.figures(found.id()));
                }
            });
        } else if (series.matches()) {
            meetings.seriesBySlug(series.group(1)).map(found -> catalog.figuresOfSeries(found.id()))
                    .filter(figures -> figures.meetings() > 0)
                    .ifPresent(figures -> model.addAttribute("seriesFigures", figures));
        }
    }
}
