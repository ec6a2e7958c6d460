package org.agora.organisations;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** The registry's admin pages, for staff and administrators: list and search, create, edit, merge two duplicates. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

    private final OrganisationDirectory directory;

    OrganisationController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgoraUser user, @RequestParam(required = false) String q,
                @RequestParam(required = false) OrganisationKind kind, @RequestParam(required = false) Long territory,
                @RequestParam(defaultValue = "1") int page, Model model) {
        OrganisationDirectory.requireManager(user);
        if (territory != null && directory.territory(territory).isEmpty()) {
            throw new ResponseStatusException(BAD_REQUEST, "Unknown territory " + territory);
        }
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("kind", kind);
        model.addAttribute("territory", territory);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("scopes", directory.scopes());
        var organisations = directory.list(query, kind, territory, page - 1);
        model.addAttribute("organisations", organisations);
        model.addAttribute("page", organisations.getNumber() + 1);
        model.addAttribute("counts", directory.countsByKind());
        model.addAttribute("names", new TerritoryNames(directory));
        return "organisations/list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        OrganisationDirectory.requireManager(user);
        Long region = directory.scopes().isEmpty() ? null : directory.scopes().getFirst().id();
        return form(model, null, OrganisationForm.empty(region), Map.of(), List.of());
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgoraUser user, @ModelAttribute OrganisationForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return save(user, null, form, model, response, redirect, "organisations.flash.created");
    }

    @GetMapping("/{id}")
    String editForm(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        OrganisationDirectory.requireManager(user);
        OrganisationView organisation = directory.require(id);
        var territory = directory.territory(organisation.territoryId()).orElseThrow();
        boolean commune = !territory.postalCodes().isEmpty();
        OrganisationForm form = new OrganisationForm(organisation.name(), organisation.kind().name(),
                commune ? territory.parentId() : territory.id(), commune ? territory.label() : "",
                organisation.siren() == null ? "" : organisation.siren(),
                organisation.website() == null ? "" : organisation.website(), false);
        return form(model, organisation, form, Map.of(), List.of());
    }

    @PostMapping("/{id}")
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute OrganisationForm form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return save(user, id, form, model, response, redirect, "organisations.flash.saved");
    }

    @PostMapping("/{id}/merge")
    String merge(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam long into,
                 RedirectAttributes redirect) {
        if (id == into) {
            throw new ResponseStatusException(BAD_REQUEST, "An organisation cannot be merged into itself");
        }
        directory.merge(user, id, into);
        redirect.addFlashAttribute("flash", "organisations.flash.merged");
        return "redirect:/admin/organisations/" + into;
    }

    private String save(AgoraUser user, Long id, OrganisationForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect, String flash) {
        OrganisationDirectory.requireManager(user);
        OrganisationView current = id == null ? null : directory.require(id);
        OrganisationDirectory.Saved saved;
        try {
            saved = directory.save(user, id, form);
        } catch (DataIntegrityViolationException sameSirenMeanwhile) {
            saved = new OrganisationDirectory.Saved(id, Map.of("siren", "organisations.error.sirenTaken"), List.of());
        }
        if (!saved.ok()) {
            response.setStatus(saved.duplicates().isEmpty() ? HttpServletResponse.SC_BAD_REQUEST
                    : HttpServletResponse.SC_CONFLICT);
            return form(model, current, form, saved.problems(), saved.duplicates());
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/admin/organisations/" + saved.id();
    }

    private String form(Model model, OrganisationView organisation, OrganisationForm form, Map<String, String> problems,
                        List<OrganisationView> duplicates) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("scopes", directory.scopes());
        model.addAttribute("names", new TerritoryNames(directory));
        model.addAttribute("candidates", organisation == null ? List.of() : directory.mergeCandidates(organisation));
        return "organisations/form";
    }

    /** The templates' way to name a territory by id. */
    record TerritoryNames(OrganisationDirectory directory) {

        public String of(long id) {
            return directory.territory(id).map(view -> view.label()).orElse("?");
        }
    }
}
