package org.agora.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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

/** Public pages of what was sent on to other levels of government, and their staff pages. */
@Controller
class TransmissionController implements ContributionTargetPage {

    private final Transmissions transmissions;
    private final Contributions contributions;
    private final Clock clock;

    TransmissionController(Transmissions transmissions, Contributions contributions, Clock clock) {
        this.transmissions = transmissions;
        this.contributions = contributions;
        this.clock = clock;
    }

    @GetMapping("/transmissions")
    String list(Model model) {
        model.addAttribute("transmissions", transmissions.all());
        return "accountability/transmissions";
    }

    @GetMapping("/transmissions/{id}")
    String transmission(@PathVariable long id, Model model) {
        model.addAttribute("transmission", transmissions.find(id).orElseThrow(CharterPages::notFound));
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/transmission";
    }

    @GetMapping("/admin/transmissions")
    @PreAuthorize(Contributions.STAFF)
    String admin(Model model) {
        model.addAttribute("transmissions", transmissions.all());
        model.addAttribute("levels", TransmissionLevel.values());
        model.addAttribute("form", Map.of("sentOn", today().toString()));
        return "accountability/admin-transmissions";
    }

    @PostMapping("/admin/transmissions")
    @PreAuthorize(Contributions.STAFF)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = transmissions.create(form.get("recipient"), form.get("level"), form.get("subject"), form.get("summary"),
                    form.get("sentOn"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/transmissions/" + id;
        } catch (CharterInvalid invalid) {
            String view = admin(model);
            return CharterPages.rejected(invalid, "form", form, view, model, response);
        }
    }

    @GetMapping("/admin/transmissions/{id}")
    @PreAuthorize(Contributions.STAFF)
    String show(@PathVariable long id, Model model) {
        return adminPage(id, model);
    }

    @PostMapping("/admin/transmissions/{id}/reply")
    @PreAuthorize(Contributions.STAFF)
    String reply(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        String view = adminPage(id, model);
        try {
            transmissions.recordReply(id, form.get("reply"), form.get("repliedOn"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/transmissions/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "form", form, view, model, response);
        }
    }

    @Override
    public ContributionKind kind() {
        return ContributionKind.TRANSMISSION;
    }

    @Override
    public String adminPage(long id, Model model) {
        Transmissions.Transmission transmission = transmissions.find(id).orElseThrow(CharterPages::notFound);
        Map<String, String> form = new HashMap<>();
        form.put("reply", transmission.reply() == null ? "" : transmission.reply());
        form.put("repliedOn", (transmission.repliedOn() == null ? today() : transmission.repliedOn()).toString());
        model.addAttribute("transmission", transmission);
        model.addAttribute("form", form);
        model.addAttribute("kind", kind());
        model.addAttribute("target", id);
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/admin-transmission";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }
}
