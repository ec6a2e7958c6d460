package org.agora.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.shared.Clocks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public pages of the immediate measures and their staff pages. */
@Controller
class ImmediateMeasureController implements ContributionTargetPage {

    private final ImmediateMeasures measures;
    private final Contributions contributions;
    private final Clock clock;

    ImmediateMeasureController(ImmediateMeasures measures, Contributions contributions, Clock clock) {
        this.measures = measures;
        this.contributions = contributions;
        this.clock = clock;
    }

    @GetMapping("/mesures")
    String list(Model model) {
        model.addAttribute("measures", measures.all());
        return "accountability/measures";
    }

    @GetMapping("/mesures/{slug}")
    String measure(@PathVariable String slug, Model model) {
        ImmediateMeasures.Measure measure = measures.findBySlug(slug).orElseThrow(CharterPages::notFound);
        model.addAttribute("measure", measure);
        model.addAttribute("history", measures.history(measure.id()));
        model.addAttribute("linked", contributions.proposalsOf(kind(), measure.id()));
        return "accountability/measure";
    }

    @GetMapping("/admin/mesures")
    @PreAuthorize(Contributions.STAFF)
    String admin(Model model) {
        model.addAttribute("measures", measures.all());
        model.addAttribute("statuses", ImmediateMeasureStatus.values());
        model.addAttribute("form", Map.of("changedOn", today().toString(), "status", ImmediateMeasureStatus.DECIDED.name()));
        return "accountability/admin-measures";
    }

    @PostMapping("/admin/mesures")
    @PreAuthorize(Contributions.STAFF)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ImmediateMeasures.Measure measure = measures.create(form.get("title"), form.get("description"), form.get("status"),
                    form.get("changedOn"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/mesures/" + measure.id();
        } catch (CharterInvalid invalid) {
            String view = admin(model);
            return CharterPages.rejected(invalid, "form", form, view, model, response);
        }
    }

    @GetMapping("/admin/mesures/{id}")
    @PreAuthorize(Contributions.STAFF)
    String show(@PathVariable long id, Model model) {
        return adminPage(id, model);
    }

    @PostMapping("/admin/mesures/{id}")
    @PreAuthorize(Contributions.STAFF)
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        return onMeasure(id, "form", form, model, response, redirect,
                () -> measures.edit(id, form.get("title"), form.get("description")));
    }

    @PostMapping("/admin/mesures/{id}/status")
    @PreAuthorize(Contributions.STAFF)
    String changeStatus(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return onMeasure(id, "statusForm", form, model, response, redirect,
                () -> measures.changeStatus(id, form.get("status"), form.get("changedOn"), form.get("note")));
    }

    @Override
    public ContributionKind kind() {
        return ContributionKind.IMMEDIATE_MEASURE;
    }

    @Override
    public String adminPage(long id, Model model) {
        ImmediateMeasures.Measure measure = measures.find(id).orElseThrow(CharterPages::notFound);
        model.addAttribute("measure", measure);
        model.addAttribute("form", Map.of("title", measure.title(), "description", measure.description()));
        model.addAttribute("statusForm", Map.of("status", measure.status().name(), "changedOn", today().toString()));
        model.addAttribute("statuses", ImmediateMeasureStatus.values());
        model.addAttribute("history", measures.history(id));
        model.addAttribute("kind", kind());
        model.addAttribute("target", id);
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/admin-measure";
    }

    private String onMeasure(long id, String formName, Map<String, String> form, Model model, HttpServletResponse response,
                             RedirectAttributes redirect, Runnable change) {
        String view = adminPage(id, model);
        try {
            change.run();
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/mesures/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, formName, form, view, model, response);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }
}
