package org.agora.accounts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/tokens}: the person's personal access tokens. A new token's secret is shown in the answer to the
 * creation form itself, never stored nor put in the session, so it cannot be shown again.
 */
@Controller
class AccessTokenController {

    private final AccessTokens tokens;

    AccessTokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    record TokenForm(
            @NotBlank(message = "{accounts.tokens.name.required}")
            @Size(max = 80, message = "{accounts.tokens.name.length}") String name,
            List<@Pattern(regexp = "[a-z]+:write", message = "{accounts.tokens.scopes.required}") String> scopes,
            @Pattern(regexp = "|[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "{accounts.tokens.expiresOn.invalid}") String expiresOn) {

        static TokenForm empty() {
            return new TokenForm("", List.of(), "");
        }
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("maxActive", AccessTokens.MAX_ACTIVE);
        return "accounts/tokens";
    }

    @GetMapping("/account/tokens/new")
    String form(Model model) {
        model.addAttribute("tokenForm", TokenForm.empty());
        model.addAttribute("allScopes", TokenScope.values());
        return "accounts/token-new";
    }

    @PostMapping("/account/tokens")
    String create(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute TokenForm tokenForm, BindingResult errors,
                  Model model, HttpServletResponse response) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        if (tokenForm.scopes() != null) {
            for (String value : tokenForm.scopes()) {
                TokenScope.of(value).ifPresentOrElse(scopes::add,
                        () -> errors.rejectValue("scopes", "accounts.tokens.scopes.required"));
            }
        }
        if (scopes.isEmpty() && !errors.hasFieldErrors("scopes")) {
            errors.rejectValue("scopes", "accounts.tokens.scopes.required");
        }
        LocalDate expiresOn = null;
        if (!errors.hasFieldErrors("expiresOn") && tokenForm.expiresOn() != null && !tokenForm.expiresOn().isBlank()) {
            try {
                expiresOn = LocalDate.parse(tokenForm.expiresOn());
            } catch (DateTimeParseException e) {
                errors.rejectValue("expiresOn", "accounts.tokens.expiresOn.invalid");
            }
        }
        if (!errors.hasErrors()) {
            try {
                var created = tokens.create(user.id(), tokenForm.name(), scopes, expiresOn);
                response.setStatus(HttpServletResponse.SC_CREATED);
                model.addAttribute("created", created);
                return "accounts/token-created";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        model.addAttribute("allScopes", TokenScope.values());
        return FormErrors.reject(response, "accounts/token-new");
    }

    @GetMapping("/account/tokens/{id:\\d{1,18}}/revoke")
    String confirmRevoke(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        model.addAttribute("token", tokens.find(user.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "accounts/token-revoke";
    }

    @PostMapping("/account/tokens/{id:\\d{1,18}}/revoke")
    String revoke(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flash", "accounts.flash.tokenRevoked");
        return "redirect:/account/tokens";
    }
}
