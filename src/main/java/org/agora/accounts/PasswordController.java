package org.agora.accounts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.agora.accounts.AccountForms.EmailForm;
import org.agora.accounts.AccountForms.ResetForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PasswordController {

    private final AccountManagement accounts;

    PasswordController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/password/forgotten")
    String forgottenForm(Model model) {
        model.addAttribute("emailForm", new EmailForm(""));
        return "accounts/password-forgotten";
    }

    @PostMapping("/password/forgotten")
    String forgotten(@Valid @ModelAttribute EmailForm emailForm, BindingResult errors, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return FormErrors.reject(response, "accounts/password-forgotten");
        }
        accounts.requestPasswordReset(emailForm.email());
        return "redirect:/password/sent";
    }

    @GetMapping("/password/sent")
    String sent() {
        return "accounts/password-sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!accounts.resetLinkUsable(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/password-link-invalid";
        }
        model.addAttribute("resetForm", new ResetForm(token, ""));
        return "accounts/password-reset";
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute ResetForm resetForm, BindingResult errors, HttpServletResponse response,
                 RedirectAttributes redirect) {
        if (errors.hasFieldErrors("token")) {
            return FormErrors.reject(response, "accounts/password-link-invalid");
        }
        if (!errors.hasErrors()) {
            try {
                if (accounts.resetPassword(resetForm.token(), resetForm.password()) == AccountManagement.TokenOutcome.DONE) {
                    redirect.addFlashAttribute("flash", "accounts.flash.passwordReset");
                    return "redirect:/login";
                }
                return FormErrors.reject(response, "accounts/password-link-invalid");
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        return FormErrors.reject(response, "accounts/password-reset");
    }
}
