package org.agora.meetings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The door of a meeting, made for a phone: find a person by name or registration code (the QR code of the
 * confirmation mail opens this page with {@code ?code=}), mark them present or undo it, add walk-ins, and the
 * figures so far.
 */
@Controller
@RequestMapping("/meetings/{id}/check-in")
class CheckInController {

    static final int PAGE_SIZE = 25;

    private final Attendance attendance;

    CheckInController(Attendance attendance) {
        this.attendance = attendance;
    }

    @GetMapping
    String page(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(required = false) String q, @RequestParam(required = false) String code,
                @RequestParam(defaultValue = "ALL") String show, @RequestParam(defaultValue = "1") int page, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        Meeting meeting = attendance.onSite(user, id);
        Attendance.Show filter = parseShow(show);
        List<Attendee> all = attendance.attendees(id, q, filter);
        int totalPages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), totalPages);
        model.addAttribute("meeting", meeting);
        model.addAttribute("startsAt", meeting.startsInParis());
        model.addAttribute("figures", attendance.figures(id));
        model.addAttribute("found", attendance.byCode(id, code).orElse(null));
        model.addAttribute("code", code);
        model.addAttribute("codeUnknown", code != null && !code.isBlank() && attendance.byCode(id, code).isEmpty());
        model.addAttribute("q", q);
        model.addAttribute("show", filter.name());
        model.addAttribute("attendees", all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)));
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("base", UriComponentsBuilder.fromPath("/meetings/{id}/check-in").queryParam("q", q == null ? "" : q)
                .queryParam("show", filter.name()).buildAndExpand(id).encode().toUriString());
        model.addAttribute("backQuery", UriComponentsBuilder.newInstance().queryParam("q", q == null ? "" : q)
                .queryParam("show", filter.name()).queryParam("page", current).encode().build().getQuery());
        if (!model.containsAttribute("walkIn")) {
            model.addAttribute("walkIn", new Attendance.WalkIn("", "", ""));
            model.addAttribute("err", Map.of());
        }
        return "meetings/check-in";
    }

    @PostMapping("/present")
    String present(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                   @RequestParam(required = false) Long registration, @RequestParam(required = false) Long attendee,
                   @RequestParam(required = false) String back, RedirectAttributes redirect) {
        requireSignedIn(user);
        try {
            Attendance.Marked marked = registration != null ? attendance.markPresent(user, id, registration)
                    : attendance.markPresentAgain(user, id, Optional.ofNullable(attendee).orElseThrow(MeetingRefused::notFound));
            flash(redirect, marked.already() ? "meetings.checkin.flash.already" : "meetings.checkin.flash.present", marked.name());
        } catch (MeetingRefused refused) {
            if (refused.status() == HttpStatus.CONFLICT) {
                redirect.addFlashAttribute("problem", refused.key());
            } else {
                throw refused;
            }
        }
        return back(id, back);
    }

    @PostMapping("/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam long attendee,
                @RequestParam(required = false) String back, RedirectAttributes redirect) {
        requireSignedIn(user);
        Attendance.Marked marked = attendance.undo(user, id, attendee);
        flash(redirect, "meetings.checkin.flash.undone", marked.name());
        return back(id, back);
    }

    @PostMapping("/walk-ins")
    String walkIn(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String accessibilityNeeds,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireSignedIn(user);
        Attendance.WalkIn walkIn = new Attendance.WalkIn(name, email, accessibilityNeeds);
        Map<String, String> problems = Attendance.check(walkIn);
        if (!problems.isEmpty()) {
            attendance.onSite(user, id);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("walkIn", walkIn);
            model.addAttribute("err", problems);
            return page(id, user, null, null, "ALL", 1, model);
        }
        Attendance.Marked marked = attendance.addWalkIn(user, id, walkIn, LocaleContextHolder.getLocale().getLanguage());
        flash(redirect, marked.already() ? "meetings.checkin.flash.already" : "meetings.checkin.flash.walkin", marked.name());
        return "redirect:/meetings/" + id + "/check-in";
    }

    private static void flash(RedirectAttributes redirect, String key, String name) {
        redirect.addFlashAttribute("done", key);
        redirect.addFlashAttribute("doneName", name);
    }

    /** Back to the list as it was (its query string only: never another site). */
    private static String back(long id, String back) {
        String query = back != null && back.matches("[A-Za-z0-9=&%._~+-]*") ? back : "";
        return "redirect:/meetings/" + id + "/check-in" + (query.isEmpty() ? "" : "?" + query);
    }

    private static void requireSignedIn(AgoraUser user) {
        if (user == null) {
            throw MeetingRefused.forbidden();
        }
    }

    private static Attendance.Show parseShow(String show) {
        try {
            return Attendance.Show.valueOf(show);
        } catch (IllegalArgumentException e) {
            return Attendance.Show.ALL;
        }
    }
}
