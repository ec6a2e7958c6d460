package org.agora.library;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.agora.library.InitiativeManagement.requireStaff;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The library's admin pages, for staff: the review queue, the resources, the network. */
@Controller
@RequestMapping("/admin/library")
class LibraryAdminController {

    private final InitiativeManagement initiatives;
    private final InitiativeCatalogue catalogue;
    private final ResourceManagement resources;
    private final NetworkManagement network;

    LibraryAdminController(InitiativeManagement initiatives, InitiativeCatalogue catalogue, ResourceManagement resources,
                           NetworkManagement network) {
        this.initiatives = initiatives;
        this.catalogue = catalogue;
        this.resources = resources;
        this.network = network;
    }

    @GetMapping
    String home(@AuthenticationPrincipal AgoraUser user, Model model) {
        return home(user, model, Map.of(), null);
    }

    private String home(AgoraUser user, Model model, Map<String, String> problems, Long problemTarget) {
        requireStaff(user);
        model.addAttribute("proposed", initiatives.proposed(user));
        model.addAttribute("names", new TerritoryNames(catalogue));
        model.addAttribute("resources", resources.all(user));
        model.addAttribute("members", network.members());
        model.addAttribute("requests", network.pending(user));
        model.addAttribute("outside", network.initiativesOutside());
        model.addAttribute("problems", problems);
        model.addAttribute("problemTarget", problemTarget);
        return "library/admin";
    }

    /** The templates' way to name a territory by id. */
    record TerritoryNames(InitiativeCatalogue catalogue) {

        public String of(long id) {
            return catalogue.territoryName(id);
        }
    }

    @PostMapping("/initiatives/{id}/publish")
    String publish(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        initiatives.publish(user, id);
        redirect.addFlashAttribute("flash", "library.admin.published");
        return "redirect:/admin/library";
    }

    @PostMapping("/initiatives/{id}/refuse")
    String refuse(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            initiatives.refuse(user, id, reason);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return home(user, model, Map.of("reason-" + id, refused.problems().get("reason")), id);
        }
        redirect.addFlashAttribute("flash", "library.admin.refused");
        return "redirect:/admin/library";
    }

    // ----- Resources -----

    @GetMapping("/ressources/new")
    String newResource(@AuthenticationPrincipal AgoraUser user, Model model) {
        requireStaff(user);
        return resourceForm(model, null, new ResourceDraft("", "", ResourceKind.REFERENCE_DOCUMENT, List.of(), ""),
                Map.of(), List.of());
    }

    @PostMapping("/ressources")
    String createResource(@AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String title,
                          @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String kind,
                          @RequestParam(defaultValue = "") String themes, @RequestParam(defaultValue = "") String videoUrl,
                          @RequestParam(defaultValue = "false") boolean publish, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        requireStaff(user);
        ResourceDraft draft = draft(title, summary, kind, themes, videoUrl);
        try {
            long id = resources.create(user, draft, publish);
            redirect.addFlashAttribute("flash", "library.admin.resource.saved");
            return "redirect:/admin/library/ressources/" + id;
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return resourceForm(model, null, draft, refused.problems(), List.of());
        }
    }

    @GetMapping("/ressources/{id}")
    String editResource(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        requireStaff(user);
        ResourceView resource = resources.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return resourceForm(model, resource, resource.draft(), Map.of(), resources.files(id));
    }

    @PostMapping("/ressources/{id}")
    String updateResource(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                          @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
                          @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String themes,
                          @RequestParam(defaultValue = "") String videoUrl, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        requireStaff(user);
        ResourceView resource = resources.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        ResourceDraft draft = draft(title, summary, kind, themes, videoUrl);
        try {
            resources.update(user, id, draft);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return resourceForm(model, resource, draft, refused.problems(), resources.files(id));
        }
        redirect.addFlashAttribute("flash", "library.admin.resource.saved");
        return "redirect:/admin/library/ressources/" + id;
    }

    @PostMapping("/ressources/{id}/publish")
    String publishResource(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                           @RequestParam boolean publish, RedirectAttributes redirect) {
        resources.publish(user, id, publish);
        redirect.addFlashAttribute("flash", publish ? "library.admin.resource.published" : "library.admin.resource.withdrawn");
        return "redirect:/admin/library/ressources/" + id;
    }

    @PostMapping("/ressources/{id}/fichiers")
    String attach(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        requireStaff(user);
        ResourceView resource = resources.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        try {
            resources.attach(user, id, LibraryDownloads.upload(file));
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return resourceForm(model, resource, resource.draft(), refused.problems(), resources.files(id));
        }
        redirect.addFlashAttribute("flash", "library.file.added");
        return "redirect:/admin/library/ressources/" + id + "#files";
    }

    @PostMapping("/ressources/{id}/fichiers/{file}/supprimer")
    String removeFile(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long file,
                      RedirectAttributes redirect) {
        resources.removeFile(user, id, file);
        redirect.addFlashAttribute("flash", "library.file.removed");
        return "redirect:/admin/library/ressources/" + id + "#files";
    }

    private String resourceForm(Model model, ResourceView resource, ResourceDraft draft, Map<String, String> problems,
                                List<Resources.FileInfo> files) {
        model.addAttribute("resource", resource);
        model.addAttribute("draft", draft);
        model.addAttribute("themesText", String.join(", ", draft.themes()));
        model.addAttribute("problems", problems);
        model.addAttribute("files", files);
        model.addAttribute("kinds", ResourceKind.values());
        return "library/admin-resource";
    }

    private static ResourceDraft draft(String title, String summary, String kind, String themes, String videoUrl) {
        ResourceKind parsed;
        try {
            parsed = ResourceKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            parsed = null;
        }
        return new ResourceDraft(title, summary, parsed, InitiativeDraft.tags(themes), videoUrl);
    }

    // ----- Network -----

    @PostMapping("/reseau/organisations")
    String addOrganisation(@AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String organisation,
                           @RequestParam(defaultValue = "") String contactName,
                           @RequestParam(defaultValue = "") String contactRole, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        try {
            boolean added = network.addOrganisation(user, organisation, contactName, contactRole);
            redirect.addFlashAttribute("flash", added ? "library.admin.network.added" : "library.admin.network.already");
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return home(user, model, prefixed("org-", refused.problems()), null);
        }
        return "redirect:/admin/library#network";
    }

    @PostMapping("/reseau/initiatives")
    String addInitiative(@AuthenticationPrincipal AgoraUser user, @RequestParam(required = false) Long initiative,
                         @RequestParam(defaultValue = "") String contactName,
                         @RequestParam(defaultValue = "") String contactRole, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        try {
            boolean added = network.addInitiative(user, initiative == null ? -1 : initiative, contactName, contactRole);
            redirect.addFlashAttribute("flash", added ? "library.admin.network.added" : "library.admin.network.already");
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return home(user, model, prefixed("ini-", refused.problems()), null);
        }
        return "redirect:/admin/library#network";
    }

    @PostMapping("/reseau/membres/{member}/remove")
    String removeMember(@AuthenticationPrincipal AgoraUser user, @PathVariable long member, RedirectAttributes redirect) {
        network.remove(user, member);
        redirect.addFlashAttribute("flash", "library.admin.network.removed");
        return "redirect:/admin/library#network";
    }

    @PostMapping("/reseau/demandes/{request}/accept")
    String accept(@AuthenticationPrincipal AgoraUser user, @PathVariable long request, RedirectAttributes redirect) {
        network.accept(user, request);
        redirect.addFlashAttribute("flash", "library.admin.network.accepted");
        return "redirect:/admin/library#network";
    }

    @PostMapping("/reseau/demandes/{request}/refuse")
    String refuseRequest(@AuthenticationPrincipal AgoraUser user, @PathVariable long request,
                         @RequestParam(defaultValue = "") String note, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        try {
            network.refuse(user, request, note);
        } catch (LibraryRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return home(user, model, Map.of("note-" + request, refused.problems().get("note")), null);
        }
        redirect.addFlashAttribute("flash", "library.admin.network.declined");
        return "redirect:/admin/library#network";
    }

    private static Map<String, String> prefixed(String prefix, Map<String, String> problems) {
        Map<String, String> renamed = new java.util.LinkedHashMap<>();
        problems.forEach((field, key) -> renamed.put(prefix + field, key));
        return renamed;
    }
}
