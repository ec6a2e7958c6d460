package org.agora.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.agora.accounts.AccountForms.EmailForm;
import org.agora.accounts.AccountForms.SignUpForm;
import org.agora.territories.TerritoryView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignUpController {

    private final AccountManagement accounts;
    private final CommuneChoice communes;

    SignUpController(AccountManagement accounts, CommuneChoice communes) {
        this.accounts = accounts;
        this.communes = communes;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("signUpForm", SignUpForm.empty());
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute SignUpForm signUpForm, BindingResult errors, Model model, Locale locale,
                  HttpServletResponse response) {
        List<TerritoryView> choices = new ArrayList<>();
        Long communeId = errors.hasFieldErrors("commune") || errors.hasFieldErrors("communeId") ? null
                : communes.resolve(signUpForm.commune(), signUpForm.communeId(), errors, choices);
        if (!errors.hasErrors()) {
            var signUp = new AccountManagement.SignUp(signUpForm.email(), signUpForm.pseudonym(), signUpForm.password(), communeId);
            try {
                try {
                    accounts.signUp(signUp, locale.getLanguage());
                } catch (DataIntegrityViolationException raced) {
                    accounts.signUp(signUp, locale.getLanguage());
                }
                return "redirect:/signup/sent";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        model.addAttribute("communeChoices", choices);
        return FormErrors.reject(response, "accounts/signup");
    }

    @GetMapping("/signup/sent")
    String sent() {
        return "accounts/signup-sent";
    }

    @GetMapping("/signup/confirm")
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("outcome", accounts.confirmEmail(token));
        model.addAttribute("emailForm", new EmailForm(""));
        return "accounts/confirmed";
    }

    @GetMapping("/signup/resend")
    String resendForm(Model model) {
        model.addAttribute("emailForm", new EmailForm(""));
        return "accounts/resend";
    }

    @PostMapping("/signup/resend")
    String resend(@Valid @ModelAttribute EmailForm emailForm, BindingResult errors, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return FormErrors.reject(response, "accounts/resend");
        }
        accounts.resendConfirmation(emailForm.email());
        return "redirect:/signup/sent";
    }
}
