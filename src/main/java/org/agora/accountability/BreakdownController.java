package org.agora.accountability;

import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The public page « Ce que sont devenues vos propositions » of a process and the list of each destination. */
@Controller
class BreakdownController {

    private final Breakdown breakdown;
    private final ProcessRules processes;

    BreakdownController(Breakdown breakdown, ProcessRules processes) {
        this.breakdown = breakdown;
        this.processes = processes;
    }

    @GetMapping("/processes/{slug}/suites")
    String page(@PathVariable String slug, Model model) {
        ProcessSettings process = process(slug);
        model.addAttribute("process", process);
        model.addAttribute("breakdown", breakdown.of(process, LocaleContextHolder.getLocale().getLanguage()));
        return "accountability/breakdown";
    }

    @GetMapping("/processes/{slug}/suites/{destinationId}")
    String destination(@PathVariable String slug, @PathVariable long destinationId,
                       @RequestParam(defaultValue = "1") int page, Model model) {
        ProcessSettings process = process(slug);
        Destination destination = breakdown.destination(process, destinationId).orElseThrow(BreakdownController::notFound);
        model.addAttribute("process", process);
        model.addAttribute("label", destination.label(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("results", breakdown.answeredWith(process, destination, page));
        return "accountability/breakdown-destination";
    }

    ProcessSettings process(String slug) {
        return processes.bySlug(slug).orElseThrow(BreakdownController::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(NOT_FOUND);
    }
}
