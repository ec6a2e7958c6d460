package org.agora.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.agora.accounts.AccountForms.DeleteForm;
import org.agora.accounts.AccountForms.EmailChangeForm;
import org.agora.accounts.AccountForms.PasswordChangeForm;
import org.agora.accounts.AccountForms.ProfileForm;
import org.agora.territories.TerritoryView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The personal space: profile, address, password, personal data. */
@Controller
class AccountController {

    private final AccountManagement accounts;
    private final CommuneChoice communes;
    private final LocaleResolver localeResolver;

    AccountController(AccountManagement accounts, CommuneChoice communes, LocaleResolver localeResolver) {
        this.accounts = accounts;
        this.communes = communes;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/account")
    String overview(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("profile", accounts.profile(user.id()));
        return "accounts/account";
    }

    @GetMapping("/account/profile")
    String profileForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        var profile = accounts.profile(user.id());
        model.addAttribute("profileForm", new ProfileForm(profile.pseudonym(), profile.communeLabel(),
                profile.communeId() == null ? null : profile.communeId().toString(), profile.language(), profile.frequency().name(),
                profile.notifyByEmail() ? AccountForms.TICKED : null, profile.openDataName() ? AccountForms.TICKED : null));
        return "accounts/profile";
    }

    @PostMapping("/account/profile")
    String updateProfile(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute ProfileForm profileForm,
                         BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        List<TerritoryView> choices = new ArrayList<>();
        var current = accounts.profile(user.id());
        String chosen = profileForm.communeId();
        // Untouched commune field: keep the commune already chosen.
        if ((chosen == null || chosen.isBlank()) && current.communeLabel() != null && current.communeLabel().equals(profileForm.commune())) {
            chosen = current.communeId().toString();
        }
        Long communeId = errors.hasFieldErrors("commune") || errors.hasFieldErrors("communeId") ? null
                : communes.resolve(profileForm.commune(), chosen, errors, choices);
        if (!errors.hasErrors()) {
            try {
                accounts.updateProfile(user.id(), new AccountManagement.ProfileChange(profileForm.pseudonym(), communeId,
                        profileForm.language(), NotificationFrequency.valueOf(profileForm.frequency()),
                        AccountForms.ticked(profileForm.notifyByEmail())));
                accounts.showNameInOpenData(user.id(), AccountForms.ticked(profileForm.openDataName()));
                localeResolver.setLocale(request, response, java.util.Locale.of(profileForm.language()));
                redirect.addFlashAttribute("flash", "accounts.flash.profileSaved");
                return "redirect:/account";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        model.addAttribute("communeChoices", choices);
        return FormErrors.reject(response, "accounts/profile");
    }

    @GetMapping("/account/email")
    String emailForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("emailChangeForm", new EmailChangeForm("", ""));
        model.addAttribute("profile", accounts.profile(user.id()));
        return "accounts/email";
    }

    @PostMapping("/account/email")
    String changeEmail(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute EmailChangeForm emailChangeForm,
                       BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.requestEmailChange(user.id(), emailChangeForm.email(), emailChangeForm.currentPassword());
                redirect.addFlashAttribute("flash", "accounts.flash.emailChangeSent");
                return "redirect:/account";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        model.addAttribute("profile", accounts.profile(user.id()));
        return FormErrors.reject(response, "accounts/email");
    }

    @GetMapping("/email-change/confirm")
    String confirmEmailChange(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var outcome = accounts.confirmEmailChange(token);
        if (outcome != AccountManagement.TokenOutcome.DONE) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("outcome", outcome);
        return "accounts/email-confirmed";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("passwordChangeForm", new PasswordChangeForm("", ""));
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute PasswordChangeForm passwordChangeForm,
                          BindingResult errors, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(user.id(), passwordChangeForm.currentPassword(), passwordChangeForm.newPassword());
                redirect.addFlashAttribute("flash", "accounts.flash.passwordChanged");
                return "redirect:/account";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        return FormErrors.reject(response, "accounts/password");
    }

    @GetMapping(value = "/account/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> download(@AuthenticationPrincipal AgoraUser user) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agora-mes-donnees.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(accounts.exportPersonalData(user.id()));
    }

    @GetMapping("/account/delete")
    String deleteForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("deleteForm", new DeleteForm("", null));
        model.addAttribute("profile", accounts.profile(user.id()));
        return "accounts/delete";
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute DeleteForm deleteForm, BindingResult errors,
                  Model model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!errors.hasErrors()) {
            try {
                accounts.deleteAccount(user.id(), deleteForm.currentPassword());
                SecurityContextHolder.clearContext();
                request.logout();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityConfiguration.flash(request, response, "accounts.flash.deleted");
                return "redirect:/";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        model.addAttribute("profile", accounts.profile(user.id()));
        return FormErrors.reject(response, "accounts/delete");
    }
}
