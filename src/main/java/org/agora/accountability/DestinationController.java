package org.agora.accountability;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The destinations of a process, managed by its administrators. */
@Controller
@RequestMapping("/admin/processes/{id}/destinations")
class DestinationController {

    private final DestinationManagement management;

    DestinationController(DestinationManagement management) {
        this.management = management;
    }

    @GetMapping
    String list(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        return page(model, management.requireAdministrator(user, id), DestinationForm.empty(), Map.of(), null);
    }

    @PostMapping
    String add(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @ModelAttribute DestinationForm form,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ProcessSettings process = management.requireAdministrator(user, id);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, process, form, problems, null);
        }
        management.add(user, id, form);
        redirect.addFlashAttribute("flash", "accountability.destination.flash.added");
        return "redirect:/admin/processes/" + id + "/destinations";
    }

    @GetMapping("/{destination}/edit")
    String editForm(@PathVariable long id, @PathVariable long destination, @AuthenticationPrincipal AgoraUser user,
                    Model model) {
        ProcessSettings process = management.requireAdministrator(user, id);
        return page(model, process, DestinationForm.of(management.find(id, destination)), Map.of(), destination);
    }

    @PostMapping("/{destination}")
    String edit(@PathVariable long id, @PathVariable long destination, @AuthenticationPrincipal AgoraUser user,
                @ModelAttribute DestinationForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        ProcessSettings process = management.requireAdministrator(user, id);
        management.find(id, destination);
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, process, form, problems, destination);
        }
        management.edit(user, id, destination, form);
        redirect.addFlashAttribute("flash", "accountability.destination.flash.saved");
        return "redirect:/admin/processes/" + id + "/destinations";
    }

    @PostMapping("/{destination}/move")
    String move(@PathVariable long id, @PathVariable long destination, @RequestParam String direction,
                @AuthenticationPrincipal AgoraUser user) {
        management.move(user, id, destination, "up".equals(direction));
        return "redirect:/admin/processes/" + id + "/destinations";
    }

    @PostMapping("/{destination}/delete")
    String delete(@PathVariable long id, @PathVariable long destination, @AuthenticationPrincipal AgoraUser user,
                  RedirectAttributes redirect) {
        if (management.delete(user, id, destination)) {
            redirect.addFlashAttribute("flash", "accountability.destination.flash.deleted");
        } else {
            redirect.addFlashAttribute("flashError", "accountability.destination.inUse");
        }
        return "redirect:/admin/processes/" + id + "/destinations";
    }

    private String page(Model model, ProcessSettings process, DestinationForm form, Map<String, String> problems,
                        Long editing) {
        model.addAttribute("process", process);
        model.addAttribute("destinations", management.of(process.id().value()));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("editing", editing);
        model.addAttribute("icons", DestinationIcon.values());
        model.addAttribute("kinds", DestinationKind.values());
        return "accountability/destinations";
    }
}
