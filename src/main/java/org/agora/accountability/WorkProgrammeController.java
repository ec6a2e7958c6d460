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

/** The public strategy tree and work programme pages, and their staff pages. */
@Controller
class WorkProgrammeController implements ContributionTargetPage {

    private static final String STRATEGY_ADMIN = "accountability/admin-strategy";

    private final WorkProgrammes programmes;
    private final Contributions contributions;
    private final Clock clock;

    WorkProgrammeController(WorkProgrammes programmes, Contributions contributions, Clock clock) {
        this.programmes = programmes;
        this.contributions = contributions;
        this.clock = clock;
    }

    @GetMapping("/strategie")
    String strategy(Model model) {
        model.addAttribute("ambitions", programmes.tree());
        return "accountability/strategy";
    }

    @GetMapping("/chantiers/{slug}")
    String programme(@PathVariable String slug, Model model) {
        WorkProgrammes.Programme programme = programmes.findBySlug(slug).orElseThrow(CharterPages::notFound);
        model.addAttribute("programme", programme);
        model.addAttribute("place", programmes.placeOf(programme));
        model.addAttribute("milestones", programmes.milestones(programme.id()));
        model.addAttribute("updates", programmes.updates(programme.id()));
        model.addAttribute("linked", contributions.proposalsOf(kind(), programme.id()));
        return "accountability/programme";
    }

    @GetMapping("/admin/strategie")
    @PreAuthorize(Contributions.STAFF)
    String admin(Model model) {
        return strategyAdmin(model);
    }

    @PostMapping("/admin/strategie/ambitions")
    @PreAuthorize(Contributions.STAFF)
    String addAmbition(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onStrategyAdmin(form, model, response, redirect, () -> programmes.addAmbition(form.get("title"), form.get("description")));
    }

    @PostMapping("/admin/strategie/ambitions/{id}/objectives")
    @PreAuthorize(Contributions.STAFF)
    String addObjective(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        if (!programmes.hasAmbition(id)) {
            throw CharterPages.notFound();
        }
        return onStrategyAdmin(form, model, response, redirect, () -> programmes.addObjective(id, form.get("title")));
    }

    @PostMapping("/admin/strategie/objectives/{id}/programmes")
    @PreAuthorize(Contributions.STAFF)
    String addProgramme(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        if (!programmes.hasObjective(id)) {
            throw CharterPages.notFound();
        }
        try {
            WorkProgrammes.Programme programme = programmes.addProgramme(id, form.get("title"), form.get("description"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/chantiers/" + programme.id();
        } catch (CharterInvalid invalid) {
            strategyAdmin(model);
            return CharterPages.rejected(invalid, "form", form, STRATEGY_ADMIN, model, response);
        }
    }

    @PostMapping("/admin/strategie/ambitions/{id}/delete")
    @PreAuthorize(Contributions.STAFF)
    String deleteAmbition(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onStrategyAdmin(Map.of(), model, response, redirect, () -> programmes.deleteAmbition(id));
    }

    @PostMapping("/admin/strategie/objectives/{id}/delete")
    @PreAuthorize(Contributions.STAFF)
    String deleteObjective(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onStrategyAdmin(Map.of(), model, response, redirect, () -> programmes.deleteObjective(id));
    }

    @GetMapping("/admin/chantiers/{id}")
    @PreAuthorize(Contributions.STAFF)
    String show(@PathVariable long id, Model model) {
        return adminPage(id, model);
    }

    @PostMapping("/admin/chantiers/{id}")
    @PreAuthorize(Contributions.STAFF)
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        return onProgramme(id, "form", form, model, response, redirect,
                () -> programmes.editProgramme(id, form.get("title"), form.get("description")));
    }

    @PostMapping("/admin/chantiers/{id}/updates")
    @PreAuthorize(Contributions.STAFF)
    String postUpdate(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return onProgramme(id, "updateForm", form, model, response, redirect, () -> programmes.postUpdate(id,
                form.get("postedOn"), form.get("text"), form.get("progress"), form.get("status")));
    }

    @PostMapping("/admin/chantiers/{id}/milestones")
    @PreAuthorize(Contributions.STAFF)
    String addMilestone(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return onProgramme(id, "milestoneForm", form, model, response, redirect, () -> programmes.addMilestone(id,
                form.get("milestoneTitle"), form.get("plannedOn"), form.get("reachedOn")));
    }

    @PostMapping("/admin/chantiers/{id}/milestones/{milestone}/reached")
    @PreAuthorize(Contributions.STAFF)
    String reachMilestone(@PathVariable long id, @PathVariable long milestone, @RequestParam Map<String, String> form,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onProgramme(id, "milestoneForm", Map.of(), model, response, redirect,
                () -> programmes.reachMilestone(id, milestone, form.get("reachedOn")));
    }

    @PostMapping("/admin/chantiers/{id}/delete")
    @PreAuthorize(Contributions.STAFF)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        programmes.find(id).orElseThrow(CharterPages::notFound);
        programmes.deleteProgramme(id);
        redirect.addFlashAttribute("flash", "accountability.charter.flash.deleted");
        return "redirect:/admin/strategie";
    }

    @Override
    public ContributionKind kind() {
        return ContributionKind.WORK_PROGRAMME;
    }

    @Override
    public String adminPage(long id, Model model) {
        WorkProgrammes.Programme programme = programmes.find(id).orElseThrow(CharterPages::notFound);
        model.addAttribute("programme", programme);
        model.addAttribute("form", Map.of("title", programme.title(), "description", programme.description()));
        model.addAttribute("updateForm", Map.of("postedOn", today().toString(), "progress", String.valueOf(programme.progress()),
                "status", programme.status().name()));
        model.addAttribute("milestoneForm", Map.of());
        model.addAttribute("statuses", WorkProgrammeStatus.values());
        model.addAttribute("milestones", programmes.milestones(id));
        model.addAttribute("updates", programmes.updates(id));
        model.addAttribute("today", today());
        model.addAttribute("kind", kind());
        model.addAttribute("target", id);
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/admin-programme";
    }

    private String onProgramme(long id, String formName, Map<String, String> form, Model model, HttpServletResponse response,
                               RedirectAttributes redirect, Runnable change) {
        String view = adminPage(id, model);
        try {
            change.run();
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/chantiers/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, formName, form, view, model, response);
        }
    }

    private String onStrategyAdmin(Map<String, String> form, Model model, HttpServletResponse response,
                                   RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/strategie";
        } catch (CharterInvalid invalid) {
            strategyAdmin(model);
            return CharterPages.rejected(invalid, "form", form, STRATEGY_ADMIN, model, response);
        }
    }

    private String strategyAdmin(Model model) {
        model.addAttribute("ambitions", programmes.tree());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return STRATEGY_ADMIN;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }
}
