package org.agora.moderation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.shared.ResourceRef;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reporting a comment or a proposal: {@code /report?type=comment&id=42}. Signed-in people only; success and a repeated
 * report both go back to the content with a flash message; refused input comes back with the field messages (400),
 * one's own content is refused (403), unknown content is a 404.
 */
@Controller
class ReportController {

    private final ModerationManagement management;
    private final ModerationTargets targets;
    private final MessageSource messages;

    ReportController(ModerationManagement management, ModerationTargets targets, MessageSource messages) {
        this.management = management;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/report")
    String form(@RequestParam(required = false) String type, @RequestParam(required = false) String id,
                @AuthenticationPrincipal AgoraUser user, Model model, HttpServletResponse response, Locale locale) {
        if (user == null) {
            return "redirect:/login";
        }
        ResourceRef resource = resource(type, id);
        ModeratedContent content = targets.find(resource).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("reported", content);
        model.addAttribute("titleKey", titleKey(content, locale));
        model.addAttribute("reasons", ModerationReason.values());
        model.addAttribute("reason", null);
        model.addAttribute("note", "");
        model.addAttribute("errors", Map.of());
        if (content.author().equals(user.id())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("refusal", "moderation.report.own");
        } else if (management.hasReported(user.id(), resource)) {
            model.addAttribute("refusal", "moderation.report.already");
        }
        return "moderation/report";
    }

    @PostMapping("/report")
    String report(@RequestParam(required = false) String type, @RequestParam(required = false) String id,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal AgoraUser user, Model model, RedirectAttributes redirect,
                  HttpServletResponse response, Locale locale) {
        if (user == null) {
            return "redirect:/login";
        }
        ResourceRef resource = resource(type, id);
        ModeratedContent content = targets.find(resource).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        String refusal = null;
        try {
            ModerationManagement.ReportOutcome outcome = management.report(user.id(), resource,
                    ModerationForms.reason(reason).orElse(null), note);
            redirect.addFlashAttribute("flash", outcome == ModerationManagement.ReportOutcome.REPORTED
                    ? "moderation.flash.reported" : "moderation.flash.alreadyReported");
            return "redirect:" + content.path();
        } catch (ModerationProblem problem) {
            if (problem.field() == null) {
                refusal = problem.messageKey();
            } else {
                errors.put(problem.field(), messages.getMessage(problem.messageKey(), null, locale));
            }
            // The reason is checked before the note: say what is wrong with both at once.
            if (ModerationForms.reason(reason).isEmpty() && !errors.containsKey("reason")) {
                errors.put("reason", messages.getMessage("moderation.report.reason.required", null, locale));
            }
            response.setStatus(problem.status());
        }
        model.addAttribute("reported", content);
        model.addAttribute("titleKey", titleKey(content, locale));
        model.addAttribute("reasons", ModerationReason.values());
        model.addAttribute("reason", ModerationForms.reason(reason).map(Enum::name).orElse(null));
        model.addAttribute("note", note == null ? "" : note);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        return "moderation/report";
    }

    /** The page title for this type of content, or a generic one for a type without its own. */
    private String titleKey(ModeratedContent content, Locale locale) {
        String key = "moderation.report.title." + content.resource().type();
        return messages.getMessage(key, null, null, locale) == null ? "moderation.report.title.generic" : key;
    }

    /** A well-formed reference to a type of content that can be reported; anything else is unknown content. */
    private ResourceRef resource(String type, String id) {
        Optional<Long> number = ModerationForms.number(id);
        if (type == null || !targets.knows(type) || number.isEmpty()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        return new ResourceRef(type, number.get());
    }
}
