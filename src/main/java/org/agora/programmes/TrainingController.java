package org.agora.programmes;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The training path's admin pages: modules, sessions, attendance, and who completed what. Staff only. */
@Controller
@RequestMapping("/admin/cyber-centres/formation")
class TrainingController {

    private final TrainingPath training;

    TrainingController(TrainingPath training) {
        this.training = training;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal AgoraUser user, Model model) {
        CyberCentreNetwork.requireStaff(user);
        return overview(model, Map.of(), Map.of(), Map.of(), Map.of());
    }

    @PostMapping("/modules")
    String addModule(@AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String title,
                     @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String position,
                     @RequestParam(defaultValue = "") String duration, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        Map<String, String> problems = training.addModule(user, title, description, position, duration);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return overview(model, problems, Map.of("title", title, "description", description, "position", position,
                    "duration", duration), Map.of(), Map.of());
        }
        redirect.addFlashAttribute("flash", "programmes.training.flash.moduleAdded");
        return "redirect:/admin/cyber-centres/formation";
    }

    @PostMapping("/seances")
    String addSession(@AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String moduleId,
                      @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String place,
                      @RequestParam(defaultValue = "false") boolean online, @RequestParam(defaultValue = "") String trainer,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> problems = training.addSession(user, moduleId, startsAt, place, online, trainer);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return overview(model, Map.of(), Map.of(), problems, Map.of("moduleId", moduleId, "startsAt", startsAt,
                    "place", place, "online", Boolean.toString(online), "trainer", trainer));
        }
        redirect.addFlashAttribute("flash", "programmes.training.flash.sessionAdded");
        return "redirect:/admin/cyber-centres/formation";
    }

    @GetMapping("/seances/{id}")
    String session(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        CyberCentreNetwork.requireStaff(user);
        model.addAttribute("trainingSession", training.session(id));
        model.addAttribute("trainees", training.trainees(id));
        return "programmes/centres/training-session";
    }

    /** Each facilitator's radio button is named {@code presence-<accountId>} with value present or absent. */
    @PostMapping("/seances/{id}")
    String recordAttendance(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, HttpServletRequest request,
                            RedirectAttributes redirect) {
        Set<Long> present = new HashSet<>();
        Set<Long> absent = new HashSet<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("presence-\\d{1,18}") && values.length == 1) {
                long account = Long.parseLong(name.substring("presence-".length()));
                if ("present".equals(values[0])) {
                    present.add(account);
                } else if ("absent".equals(values[0])) {
                    absent.add(account);
                }
            }
        });
        training.recordAttendance(user, id, present, absent);
        redirect.addFlashAttribute("flash", "programmes.training.flash.attendanceSaved");
        return "redirect:/admin/cyber-centres/formation/seances/" + id;
    }

    private String overview(Model model, Map<String, String> moduleProblems, Map<String, String> moduleTyped,
                            Map<String, String> sessionProblems, Map<String, String> sessionTyped) {
        model.addAttribute("modules", training.modules());
        model.addAttribute("sessions", training.sessions());
        model.addAttribute("trainees", training.trainees(null));
        model.addAttribute("moduleProblems", moduleProblems);
        model.addAttribute("moduleTyped", moduleTyped);
        model.addAttribute("sessionProblems", sessionProblems);
        model.addAttribute("sessionTyped", sessionTyped);
        return "programmes/centres/training";
    }
}
