package org.agora.meetings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The satisfaction survey, reached from the personal link of its mail: no account needed, one answer per person. */
@Controller
@RequestMapping("/meetings/survey")
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Surveys.Invitation invitation = surveys.invitation(token).orElse(null);
        if (invitation == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "meetings/survey-invalid";
        }
        if (!model.containsAttribute("err")) {
            model.addAttribute("err", Map.of());
            model.addAttribute("given", Map.of());
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("aspects", surveys.aspects(invitation.meetingId()));
        model.addAttribute("token", token);
        return "meetings/survey";
    }

    @PostMapping
    String answer(@RequestParam(required = false) String token, @RequestParam MultiValueMap<String, String> form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Surveys.Invitation invitation = surveys.invitation(token).orElse(null);
        if (invitation == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "meetings/survey-invalid";
        }
        List<Surveys.Aspect> aspects = surveys.aspects(invitation.meetingId());
        Map<Long, String> raw = new HashMap<>();
        aspects.forEach(aspect -> raw.put(aspect.id(), form.getFirst("aspect-" + aspect.id())));
        String overall = form.getFirst("overall");
        String comment = form.getFirst("comment");
        Map<String, String> problems = Surveys.check(overall, raw, aspects, comment);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("err", problems);
            model.addAttribute("given", form.toSingleValueMap());
            return form(token, model, response);
        }
        Map<Long, Integer> levels = new HashMap<>();
        raw.forEach((aspect, value) -> {
            Integer level = Surveys.level(value);
            if (level != null) {
                levels.put(aspect, level);
            }
        });
        boolean recorded = surveys.answer(invitation, Surveys.level(overall), levels, comment);
        redirect.addFlashAttribute("done", recorded ? "meetings.survey.thanks" : "meetings.survey.already");
        return "redirect:/meetings/survey?token=" + token;
    }
}
