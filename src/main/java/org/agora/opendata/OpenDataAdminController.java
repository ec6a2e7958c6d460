package org.agora.opendata;

import java.util.List;
import java.util.Optional;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff's open data page: the latest builds with their outcome and errors, the files, and "rebuild now". */
@Controller
class OpenDataAdminController {

    private final OpenDataBuilds builds;

    OpenDataAdminController(OpenDataBuilds builds) {
        this.builds = builds;
    }

    @GetMapping("/admin/opendata")
    String page(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireStaff(user);
        Optional<OpenDataBuilds.Build> current = builds.current();
        List<OpenDataBuilds.Build> recent = builds.recent(10);
        model.addAttribute("build", current.orElse(null));
        model.addAttribute("files", current.map(build -> builds.files(build.id())).orElse(List.of()));
        model.addAttribute("recent", recent);
        model.addAttribute("running", recent.stream().anyMatch(build -> build.outcome() == OpenDataBuilds.Outcome.RUNNING));
        model.addAttribute("datasetCount", builds.datasets().size());
        return "opendata/admin";
    }

    @PostMapping("/admin/opendata/rebuild")
    String rebuild(@AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        requireStaff(user);
        Optional<Long> started = builds.start(OpenDataBuilds.Trigger.ON_DEMAND, user.id().value());
        redirect.addFlashAttribute(started.isPresent() ? "flash" : "flashError",
                started.isPresent() ? "opendata.admin.flash.started" : "opendata.admin.flash.busy");
        return "redirect:/admin/opendata";
    }

    private static void requireStaff(AgoraUser user) {
        if (user == null || !(user.holdsAnywhere(Role.STAFF) || user.isAdministrator())) {
            throw new AccessDeniedException("Only staff rebuild the open data files");
        }
    }
}
