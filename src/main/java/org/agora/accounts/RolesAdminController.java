package org.agora.accounts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.agora.accounts.AccountForms.GrantForm;
import org.agora.territories.TerritoryDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators grant and withdraw roles, globally or within a territory; every change is in the action log. */
@Controller
class RolesAdminController {

    private final AccountManagement accounts;
    private final TerritoryDirectory territories;

    RolesAdminController(AccountManagement accounts, TerritoryDirectory territories) {
        this.accounts = accounts;
        this.territories = territories;
    }

    @GetMapping("/admin/roles")
    String list(Model model) {
        model.addAttribute("grantForm", new GrantForm("", null, null));
        return page(model);
    }

    @PostMapping("/admin/roles")
    String grant(@AuthenticationPrincipal AgoraUser admin, @Valid @ModelAttribute GrantForm grantForm, BindingResult errors,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Long territoryId = AccountForms.id(grantForm.territoryId());
                RoleScope scope = territoryId == null ? RoleScope.GLOBAL : RoleScope.territory(territoryId);
                accounts.grant(admin.id(), grantForm.email(), new RoleGrant(Role.valueOf(grantForm.role()), scope));
                redirect.addFlashAttribute("flash", "accounts.flash.roleGranted");
                return "redirect:/admin/roles";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            } catch (IllegalArgumentException badScope) {
                errors.rejectValue("territoryId", "accounts.roles.unknownScope");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    @PostMapping("/admin/roles/{id}/revoke")
    String revoke(@AuthenticationPrincipal AgoraUser admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.revoke(admin.id(), id);
            redirect.addFlashAttribute("flash", "accounts.flash.roleRevoked");
        } catch (FieldProblem problem) {
            redirect.addFlashAttribute("flashError", problem.messageKey());
        }
        return "redirect:/admin/roles";
    }

    @GetMapping("/admin/actions")
    String actions(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("actions", accounts.recentActions(current, 50));
        model.addAttribute("page", current);
        return "accounts/admin-actions";
    }

    private String page(Model model) {
        model.addAttribute("assignments", accounts.assignments());
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", territories.scopes());
        return "accounts/admin-roles";
    }
}
