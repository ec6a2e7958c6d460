package org.agora.accountability;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff link proposals, by reference, to what they fed, and remove such links, from the target's staff page. */
@Controller
@PreAuthorize(Contributions.STAFF)
class ContributionController {

    private final Contributions contributions;
    private final List<ContributionTargetPage> pages;

    ContributionController(Contributions contributions, List<ContributionTargetPage> pages) {
        this.contributions = contributions;
        this.pages = pages;
    }

    @PostMapping("/admin/contributions/{kind}/{target}")
    String link(@PathVariable String kind, @PathVariable long target, @RequestParam(defaultValue = "") String reference,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContributionTargetPage page = page(kind);
        String view = page.adminPage(target, model);
        try {
            contributions.link(page.kind(), target, reference);
            redirect.addFlashAttribute("flash", "accountability.charter.flash.linked");
            return "redirect:" + page.adminPath(target);
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "linkForm", Map.of("reference", reference), view, model, response);
        }
    }

    @PostMapping("/admin/contributions/{kind}/{target}/{proposal}/delete")
    String unlink(@PathVariable String kind, @PathVariable long target, @PathVariable long proposal, Model model,
                  RedirectAttributes redirect) {
        ContributionTargetPage page = page(kind);
        page.adminPage(target, model);
        contributions.unlink(page.kind(), target, proposal);
        redirect.addFlashAttribute("flash", "accountability.charter.flash.unlinked");
        return "redirect:" + page.adminPath(target);
    }

    private ContributionTargetPage page(String kind) {
        return pages.stream().filter(page -> page.kind().name().equals(kind)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
