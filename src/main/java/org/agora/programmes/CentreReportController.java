package org.agora.programmes;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.shared.LostRaces;
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

/**
 * The facilitators' side (under "Mon compte"): the centres a person runs, their yearly reports and the person's
 * training; a report page that the centre's facilitators and staff open, and nobody else.
 */
@Controller
@RequestMapping("/account/cyber-centres")
class CentreReportController {

    private final CyberCentreNetwork network;
    private final TrainingPath training;

    CentreReportController(CyberCentreNetwork network, TrainingPath training) {
        this.network = network;
        this.training = training;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal AgoraUser user, Model model) {
        var centres = network.runBy(user);
        int lastYear = network.currentYear() - 1;
        model.addAttribute("centres", centres.stream().map(centre -> new MyCentre(centre,
                network.reportPage(user, centre.id(), lastYear),
                network.reportPage(user, centre.id(), network.currentYear()))).toList());
        var completed = training.completedBy(user.id().value());
        model.addAttribute("modules", training.modules());
        model.addAttribute("completed", completed);
        return "programmes/centres/mine";
    }

    record MyCentre(CentreView centre, CyberCentreNetwork.ReportPage lastYear, CyberCentreNetwork.ReportPage thisYear) {
    }

    @GetMapping("/{id}/rapports/{year}")
    String report(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable int year, Model model) {
        return page(model, network.reportPage(user, id, year), null, Map.of());
    }

    @PostMapping("/{id}/rapports/{year}")
    String save(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable int year,
                @ModelAttribute CentreReportForm form, @RequestParam(defaultValue = "save") String action, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        boolean submit = "submit".equals(action);
        CyberCentreNetwork.ReportSaved saved = LostRaces.retry(2, () -> network.saveReport(user, id, year, form, submit));
        if (saved.alreadySubmitted()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("flashError", "programmes.centre.report.error.alreadySubmitted");
            return page(model, network.reportPage(user, id, year), null, Map.of());
        }
        if (!saved.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, network.reportPage(user, id, year), form, saved.problems());
        }
        redirect.addFlashAttribute("flash", submit ? "programmes.centre.report.flash.submitted"
                : "programmes.centre.report.flash.saved");
        return "redirect:/account/cyber-centres/" + id + "/rapports/" + year;
    }

    private String page(Model model, CyberCentreNetwork.ReportPage page, CentreReportForm typed,
                        Map<String, String> problems) {
        model.addAttribute("report", page);
        model.addAttribute("form", typed == null ? page.form() : typed);
        model.addAttribute("problems", problems);
        model.addAttribute("themes", CentreTheme.values());
        return "programmes/centres/report";
    }
}
