package org.agora.site;

import java.util.ArrayList;
import java.util.List;

import org.agora.accounts.AgoraUser;
import org.agora.accounts.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: the sections this person may open (the security rules still guard each of them). */
@Controller
class AdminHomeController {

    record Section(String key, String path) {
    }

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal AgoraUser user, Model model) {
        List<Section> sections = new ArrayList<>();
        if (user.holdsAnywhere(Role.STAFF) || user.isAdministrator()) {
            sections.add(new Section("processes", "/admin/processes"));
            sections.add(new Section("strategy", "/admin/strategie"));
            sections.add(new Section("meetings", "/admin/meetings"));
            sections.add(new Section("organisations", "/admin/organisations"));
            sections.add(new Section("panels", "/admin/panels"));
            sections.add(new Section("programmes", "/admin/programmes"));
            sections.add(new Section("cyberCentres", "/admin/cyber-centres"));
            sections.add(new Section("library", "/admin/library"));
            sections.add(new Section("newsletter", "/admin/newsletter"));
            sections.add(new Section("audience", "/admin/audience"));
            sections.add(new Section("opendata", "/admin/opendata"));
            sections.add(new Section("webhooks", "/admin/webhooks"));
        }
        if (user.holdsAnywhere(Role.MODERATOR) || user.isAdministrator()) {
            sections.add(new Section("moderation", "/admin/moderation"));
        }
        if (user.isAdministrator()) {
            sections.add(new Section("territories", "/admin/territories"));
            sections.add(new Section("roles", "/admin/roles"));
            sections.add(new Section("mails", "/admin/mails"));
            sections.add(new Section("actions", "/admin/actions"));
            sections.add(new Section("search", "/admin/search"));
        }
        model.addAttribute("sections", sections);
        return "site/admin";
    }
}
