package org.agora.library;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.organisations.OrganisationDirectory;
import org.agora.organisations.OrganisationView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The initiatives' public pages: the catalogue with its filters and search, the territory view, each initiative with
 * its files and similar initiatives, the proposal form with its preview, and the author's list.
 */
@Controller
class InitiativeController {

    private final InitiativeManagement management;
    private final InitiativeCatalogue catalogue;
    private final OrganisationDirectory organisations;
    private final LibraryMails mails;

    InitiativeController(InitiativeManagement management, InitiativeCatalogue catalogue,
                         OrganisationDirectory organisations, LibraryMails mails) {
        this.management = management;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.mails = mails;
    }

    @GetMapping("/initiatives")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long territory,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String tag,
                @RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
        InitiativeKind chosenKind = null;
        boolean badFilter = false;
        if (kind != null && !kind.isBlank()) {
            try {
                chosenKind = InitiativeKind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                badFilter = true;
            }
        }
        if (territory != null && catalogue.territory(territory).isEmpty()) {
            badFilter = true;
            territory = null;
        }
        if (badFilter) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        String query = q == null ? "" : q.strip();
        String chosenTag = tag == null || tag.isBlank() ? null : tag.strip();
        model.addAttribute("q", query);
        model.addAttribute("territoryId", territory);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("tag", chosenTag);
        model.addAttribute("badFilter", badFilter);
        model.addAttribute("results", catalogue.search(query, territory, chosenKind, chosenTag, page));
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("scopes", catalogue.scopes());
        model.addAttribute("tags", catalogue.tags());
        model.addAttribute("atomFeed", "/initiatives.atom");
        return "library/initiatives";
    }

    @GetMapping("/initiatives/territoires")
    String territories(Model model) {
        model.addAttribute("departments", catalogue.territoryView());
        model.addAttribute("atomFeed", "/initiatives.atom");
        return "library/territories";
    }

    @GetMapping("/initiatives/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        InitiativeView initiative = management.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return show(initiative, user, model, Map.of(), "");
    }

    private String show(InitiativeView initiative, AgoraUser user, Model model, Map<String, String> problems,
                        String message) {
        model.addAttribute("initiative", initiative);
        model.addAttribute("territoryName", catalogue.territoryName(initiative.territoryId()));
        model.addAttribute("organisation", organisationName(initiative));
        model.addAttribute("files", management.files(initiative.id()));
        model.addAttribute("similar", initiative.published() ? catalogue.similar(initiative, 3) : List.of());
        boolean author = user != null && initiative.authorId() != null && initiative.authorId() == user.id().value();
        model.addAttribute("author", author);
        model.addAttribute("staff", InitiativeManagement.isStaff(user));
        model.addAttribute("mayAttach", InitiativeManagement.isStaff(user)
                || (author && initiative.status() == InitiativeStatus.PROPOSED));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("problems", problems);
        model.addAttribute("message", message);
        model.addAttribute("atomFeed", "/initiatives.atom");
        return "library/initiative";
    }

    @GetMapping("/initiatives/{id}/fichiers/{file}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long file,
                                    @AuthenticationPrincipal AgoraUser user) {
        return LibraryDownloads.serve(management.file(user, id, file)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
    }

    @PostMapping("/initiatives/{id}/fichiers")
    String attach(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String altText, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        InitiativeView initiative = management.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        try {
            management.attach(user, id, LibraryDownloads.upload(file), altText);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(initiative, user, model, refused.problems(), "");
        }
        redirect.addFlashAttribute("flash", "library.file.added");
        return "redirect:/initiatives/" + id + "#files";
    }

    @PostMapping("/initiatives/{id}/fichiers/{file}/supprimer")
    String removeFile(@PathVariable long id, @PathVariable long file, @AuthenticationPrincipal AgoraUser user,
                      RedirectAttributes redirect) {
        management.removeFile(user, id, file);
        redirect.addFlashAttribute("flash", "library.file.removed");
        return "redirect:/initiatives/" + id + "#files";
    }

    /** Signed-in people write to the initiative's contact, whose address is never shown. */
    @PostMapping("/initiatives/{id}/contact")
    String contact(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                   @RequestParam(defaultValue = "") String message, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        if (user == null) {
            throw new AccessDeniedException("Sign in to write to an initiative");
        }
        InitiativeView initiative = management.visible(user, id).filter(InitiativeView::published)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String text = message.strip();
        if (text.length() < 10 || text.length() > 3000) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(initiative, user, model, Map.of("message", "library.contact.error.message"), message);
        }
        mails.contact(user, initiative, text);
        redirect.addFlashAttribute("flash", "library.contact.sent");
        return "redirect:/initiatives/" + id;
    }

    @GetMapping("/initiatives/proposer")
    String proposeForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireSignedIn(user);
        return form(model, InitiativeForm.empty(user.pseudonym(), user.email()), Map.of(), null);
    }

    @PostMapping("/initiatives/proposer")
    String propose(@AuthenticationPrincipal AgoraUser user, @ModelAttribute InitiativeForm form,
                   @RequestParam(defaultValue = "preview") String action, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        requireSignedIn(user);
        Map<String, String> unreadable = new HashMap<>();
        Long organisationId = knownOrganisation(form.organisationName()).map(found -> found.id().value()).orElse(null);
        InitiativeDraft draft = form.draft(organisationId, unreadable);
        Map<String, String> problems = form.problems(draft, unreadable);
        if (problems.isEmpty() && catalogue.territory(draft.territoryId()).isEmpty()) {
            problems.put("territoryId", "library.initiative.error.territory");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, problems, null);
        }
        if (!"submit".equals(action)) {
            return form(model, form, problems, draft);
        }
        long id;
        try {
            id = management.propose(user, draft);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, refused.problems(), null);
        }
        redirect.addFlashAttribute("flash", "library.initiative.proposed");
        return "redirect:/initiatives/" + id;
    }

    @GetMapping("/account/initiatives")
    String mine(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireSignedIn(user);
        model.addAttribute("initiatives", management.mine(user));
        return "library/mine";
    }

    private String form(Model model, InitiativeForm form, Map<String, String> problems, InitiativeDraft preview) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("preview", preview);
        model.addAttribute("previewTerritory", preview == null ? "" : catalogue.territoryName(preview.territoryId()));
        model.addAttribute("kinds", InitiativeKind.values());
        model.addAttribute("scopes", catalogue.scopes());
        return "library/propose";
    }

    private Optional<OrganisationView> knownOrganisation(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = Matches.nameKey(name);
        return organisations.searchAnywhere(name.strip(), 5).stream()
                .filter(found -> Matches.nameKey(found.name()).equals(key)).findFirst();
    }

    private String organisationName(InitiativeView initiative) {
        if (initiative.organisationId() != null) {
            Optional<OrganisationView> known = organisations.find(
                    new org.agora.organisations.OrganisationId(initiative.organisationId()));
            if (known.isPresent()) {
                return known.get().name();
            }
        }
        return initiative.organisationName();
    }

    static void requireSignedIn(AgoraUser user) {
        if (user == null) {
            throw new AccessDeniedException("Sign in first");
        }
    }
}
