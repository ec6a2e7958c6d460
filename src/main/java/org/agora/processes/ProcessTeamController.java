package org.agora.processes;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.accounts.FieldProblem;
import org.agora.accounts.Role;
import org.agora.accounts.RoleGrant;
import org.agora.accounts.RoleScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team of a process: the people granted a role for this process only (staff who run it, moderators, facilitators).
 * Whoever may manage the process manages its team; every change is kept in the process's history.
 */
@Controller
@RequestMapping("/admin/processes/{id}/team")
class ProcessTeamController {

    static final List<Role> TEAM_ROLES = List.of(Role.STAFF, Role.MODERATOR, Role.FACILITATOR);
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");

    private final ProcessManagement management;
    private final AccountManagement accounts;

    ProcessTeamController(ProcessManagement management, AccountManagement accounts) {
        this.management = management;
        this.accounts = accounts;
    }

    @PostMapping
    String add(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "") String role, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        management.requireManager(id, user);
        String problem = email.isBlank() ? "processes.team.emailRequired"
                : email.length() > 254 || !EMAIL.matcher(email.strip()).matches() ? "processes.team.emailInvalid"
                : TEAM_ROLES.stream().noneMatch(allowed -> allowed.name().equals(role)) ? "processes.team.roleInvalid"
                : null;
        if (problem == null) {
            try {
                accounts.grant(user.id(), email.strip(), new RoleGrant(Role.valueOf(role), RoleScope.process(id)));
                management.logTeamChange(id, user, "TEAM_GRANTED", role + " " + email.strip());
                redirect.addFlashAttribute("flash", "processes.flash.teamGranted");
                return "redirect:/admin/processes/" + id;
            } catch (FieldProblem refused) {
                problem = refused.messageKey();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(id, user, model, email.length() > 254 ? "" : email, problem);
    }

    @PostMapping("/{assignmentId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long assignmentId, @AuthenticationPrincipal AgoraUser user,
                  RedirectAttributes redirect) {
        management.requireManager(id, user);
        accounts.assignmentsIn(RoleScope.process(id)).stream().filter(member -> member.id() == assignmentId).findFirst()
                .ifPresent(member -> {
                    accounts.revokeIn(user.id(), assignmentId, RoleScope.process(id));
                    management.logTeamChange(id, user, "TEAM_REVOKED", member.grant().role().name() + " " + member.email());
                    redirect.addFlashAttribute("flash", "processes.flash.teamRevoked");
                });
        return "redirect:/admin/processes/" + id;
    }

    /** The process's admin page, with its team and, after a refused addition, the problem next to the field. */
    String page(long id, AgoraUser user, Model model, String typedEmail, String problem) {
        model.addAttribute("process", management.detail(id, user));
        model.addAttribute("team", accounts.assignmentsIn(RoleScope.process(id)));
        model.addAttribute("teamRoles", TEAM_ROLES);
        model.addAttribute("teamEmail", typedEmail);
        model.addAttribute("teamError", problem);
        return "processes/admin/show";
    }
}
