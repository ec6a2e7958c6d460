package org.agora.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.agora.territories.TerritoryView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A facilitator's entry in the directory of ambassadors (account settings), and the public directory itself. */
@Controller
class AmbassadorController {

    private final Ambassadors ambassadors;

    AmbassadorController(Ambassadors ambassadors) {
        this.ambassadors = ambassadors;
    }

    /** What the facilitator types; the territory must be one of their choices, the presentation 600 characters at most. */
    record AmbassadorForm(
            @NotBlank(message = "{accounts.ambassador.territory.required}")
            @Pattern(regexp = "[1-9][0-9]{0,17}", message = "{accounts.ambassador.territory.required}") String territory,
            @NotBlank(message = "{accounts.ambassador.presentation.required}")
            @Size(max = 600, message = "{accounts.ambassador.presentation.length}") String presentation,
            String listed) {

        AmbassadorForm {
            presentation = presentation == null ? "" : presentation.strip().replace("\r\n", "\n");
        }
    }

    @GetMapping("/account/ambassador")
    String settings(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireFacilitator(user);
        AmbassadorForm form = ambassadors.entryOf(user.id())
                .map(entry -> new AmbassadorForm(Long.toString(entry.territoryId()), entry.presentation(),
                        entry.listed() ? AccountForms.TICKED : null))
                .orElse(new AmbassadorForm("", "", AccountForms.TICKED));
        return settings(user, model, form);
    }

    @PostMapping("/account/ambassador")
    String save(@AuthenticationPrincipal AgoraUser user, @Valid @ModelAttribute("ambassadorForm") AmbassadorForm form,
                BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        requireFacilitator(user);
        if (!errors.hasErrors()) {
            try {
                boolean listed = AccountForms.ticked(form.listed());
                ambassadors.save(user, new Ambassadors.Entry(Long.parseLong(form.territory()), form.presentation(), listed));
                redirect.addFlashAttribute("flash", listed ? "accounts.ambassador.flash.listed" : "accounts.ambassador.flash.unlisted");
                return "redirect:/account/ambassador";
            } catch (FieldProblem problem) {
                FormErrors.report(problem, errors);
            }
        }
        settings(user, model, form);
        return FormErrors.reject(response, "accounts/ambassador");
    }

    @PostMapping("/account/ambassador/withdraw")
    String withdraw(@AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        ambassadors.withdraw(user.id());
        redirect.addFlashAttribute("flash", "accounts.ambassador.flash.unlisted");
        return "redirect:/account/ambassador";
    }

    @GetMapping("/ambassadeurs")
    String directory(@RequestParam(required = false) String territory, @RequestParam(required = false) String page,
                     Model model, HttpServletResponse response) {
        List<TerritoryView> choices = ambassadors.territoriesShown();
        Long territoryId = null;
        boolean bad = false;
        if (territory != null && !territory.isBlank()) {
            territoryId = number(territory).filter(id -> choices.stream().anyMatch(choice -> choice.id() == id)).orElse(null);
            bad = territoryId == null;
        }
        Optional<Long> pageNumber = page == null || page.isBlank() ? Optional.of(1L) : number(page);
        bad |= pageNumber.isEmpty() || pageNumber.get() > 100_000;
        int chosenPage = (int) Math.min(pageNumber.orElse(1L), 100_000);
        if (bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badFilter", true);
        }
        model.addAttribute("territories", choices);
        model.addAttribute("territoryId", territoryId);
        model.addAttribute("results", ambassadors.directory(territoryId, chosenPage - 1));
        model.addAttribute("page", chosenPage);
        return "accounts/ambassadors";
    }

    private String settings(AgoraUser user, Model model, AmbassadorForm form) {
        model.addAttribute("ambassadorForm", form);
        model.addAttribute("territories", ambassadors.territoryChoices(user));
        model.addAttribute("listedNow", ambassadors.entryOf(user.id()).map(Ambassadors.Entry::listed).orElse(false));
        return "accounts/ambassador";
    }

    private static void requireFacilitator(AgoraUser user) {
        if (!user.holdsAnywhere(Role.FACILITATOR)) {
            throw new AccessDeniedException("Only facilitators appear in the directory of ambassadors");
        }
    }

    private static Optional<Long> number(String text) {
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
