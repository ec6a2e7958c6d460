package org.agora.library;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The resources' public pages: the library with its filters and search, each resource, its files. */
@Controller
class ResourceController {

    private final ResourceManagement resources;

    ResourceController(ResourceManagement resources) {
        this.resources = resources;
    }

    @GetMapping("/ressources")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String theme, @RequestParam(defaultValue = "1") int page, Model model,
                HttpServletResponse response) {
        ResourceKind chosenKind = null;
        boolean badFilter = false;
        if (kind != null && !kind.isBlank()) {
            try {
                chosenKind = ResourceKind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                badFilter = true;
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        String query = q == null ? "" : q.strip();
        String chosenTheme = theme == null || theme.isBlank() ? null : theme.strip();
        model.addAttribute("q", query);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("theme", chosenTheme);
        model.addAttribute("badFilter", badFilter);
        model.addAttribute("results", resources.search(query, chosenKind, chosenTheme, page));
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("themes", resources.themes());
        model.addAttribute("atomFeed", "/ressources.atom");
        return "library/resources";
    }

    @GetMapping("/ressources/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        ResourceView resource = resources.visible(user, id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("resource", resource);
        model.addAttribute("files", resources.files(id));
        model.addAttribute("staff", InitiativeManagement.isStaff(user));
        model.addAttribute("atomFeed", "/ressources.atom");
        return "library/resource";
    }

    @GetMapping("/ressources/{id}/fichiers/{file}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long file,
                                    @AuthenticationPrincipal AgoraUser user) {
        return LibraryDownloads.serve(resources.file(user, id, file)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
    }
}
