package org.agora.library;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.agora.library.InitiativeController.requireSignedIn;

/** The regional network's public page and the form to ask to join. */
@Controller
class NetworkController {

    private final NetworkManagement network;
    private final InitiativeCatalogue catalogue;

    NetworkController(NetworkManagement network, InitiativeCatalogue catalogue) {
        this.network = network;
        this.catalogue = catalogue;
    }

    @GetMapping("/reseau")
    String page(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("members", network.members());
        model.addAttribute("requests", user == null ? java.util.List.of() : network.requestsBy(user));
        return "library/network";
    }

    @GetMapping("/reseau/adherer")
    String joinForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireSignedIn(user);
        return form(model, NetworkManagement.JoinForm.empty(user), Map.of());
    }

    @PostMapping("/reseau/adherer")
    String join(@AuthenticationPrincipal AgoraUser user, @ModelAttribute NetworkManagement.JoinForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        requireSignedIn(user);
        try {
            network.requestToJoin(user, form);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, refused.problems());
        }
        redirect.addFlashAttribute("flash", "library.network.requested");
        return "redirect:/reseau";
    }

    private String form(Model model, NetworkManagement.JoinForm form, Map<String, String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("scopes", catalogue.scopes());
        return "library/network-join";
    }
}
