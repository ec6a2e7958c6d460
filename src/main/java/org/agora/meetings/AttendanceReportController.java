package org.agora.meetings;

import java.time.Clock;
import java.util.Map;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report (bilan) of a meeting and of a series: attendance figures and survey results. Staff and the area's
 * facilitators read a meeting's; the comments, the survey's aspects and sending it are for staff.
 */
@Controller
class AttendanceReportController {

    private final Attendance attendance;
    private final Surveys surveys;
    private final Meetings meetings;
    private final AttendanceCatalog catalog;
    private final Clock clock;

    AttendanceReportController(Attendance attendance, Surveys surveys, Meetings meetings, AttendanceCatalog catalog,
                               Clock clock) {
        this.attendance = attendance;
        this.surveys = surveys;
        this.meetings = meetings;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/meetings/{id}/bilan")
    String meeting(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        Meeting meeting = attendance.onSite(user, id);
        boolean staff = MeetingManagement.isStaff(user);
        model.addAttribute("meeting", meeting);
        model.addAttribute("staff", staff);
        model.addAttribute("figures", attendance.figures(id));
        model.addAttribute("results", surveys.ofMeeting(id));
        model.addAttribute("aspects", surveys.aspects(id));
        model.addAttribute("defaultAspects", surveys.defaultAspects());
        model.addAttribute("surveySent", surveys.surveySent(id));
        if (!model.containsAttribute("err")) {
            model.addAttribute("err", Map.of());
        }
        return "meetings/report";
    }

    @PostMapping("/meetings/{id}/bilan/aspects")
    String addAspect(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String label,
                     RedirectAttributes redirect) {
        requireSignedIn(user);
        var problem = Surveys.aspectProblem(label);
        if (problem.isPresent()) {
            redirect.addFlashAttribute("err", Map.of("label", problem.get()));
            return "redirect:/meetings/" + id + "/bilan#aspects";
        }
        surveys.addAspect(user, id, label);
        redirect.addFlashAttribute("done", "meetings.survey.aspect.added");
        return "redirect:/meetings/" + id + "/bilan#aspects";
    }

    @PostMapping("/meetings/{id}/bilan/aspects/{aspect}/remove")
    String removeAspect(@PathVariable long id, @PathVariable long aspect, @AuthenticationPrincipal AgoraUser user,
                        RedirectAttributes redirect) {
        requireSignedIn(user);
        surveys.removeAspect(user, id, aspect);
        redirect.addFlashAttribute("done", "meetings.survey.aspect.removed");
        return "redirect:/meetings/" + id + "/bilan#aspects";
    }

    @PostMapping("/meetings/{id}/bilan/send-survey")
    String sendNow(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        requireSignedIn(user);
        int sent = surveys.sendNow(user, id);
        redirect.addFlashAttribute("done", "meetings.survey.sent");
        redirect.addFlashAttribute("doneCount", sent);
        return "redirect:/meetings/" + id + "/bilan";
    }

    @GetMapping("/meetings/series/{slug}/bilan")
    String series(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        if (!MeetingManagement.isStaff(user)) {
            throw MeetingRefused.forbidden();
        }
        Series series = meetings.seriesBySlug(slug).orElseThrow(MeetingRefused::notFound);
        model.addAttribute("series", series);
        model.addAttribute("figures", catalog.figuresOfSeries(series.id()));
        model.addAttribute("results", surveys.results(MeetingSelection.heldInSeries(series.id(), clock.instant())));
        return "meetings/series-report";
    }

    private static void requireSignedIn(AgoraUser user) {
        if (user == null) {
            throw MeetingRefused.forbidden();
        }
    }
}
