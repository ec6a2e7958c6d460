package org.agora.statistics;

import java.time.LocalDate;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's audience page: most read pages of the last 30 days, the trend per month, the sections. */
@Controller
class AudienceController {

    private final AudienceReport report;

    AudienceController(AudienceReport report) {
        this.report = report;
    }

    @GetMapping("/admin/audience")
    String page(@AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null || !(user.holdsAnywhere(Role.STAFF) || user.isAdministrator())) {
            throw new AccessDeniedException("Only staff read the audience figures");
        }
        LocalDate from = report.today().minusDays(29);
        model.addAttribute("from", from);
        model.addAttribute("pages", report.mostRead(from, 20));
        model.addAttribute("months", report.months(12));
        model.addAttribute("sections", report.sections(from));
        return "statistics/audience";
    }
}
