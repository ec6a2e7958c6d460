package org.agora.processes;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The public pages: the list of processes and each process's page. */
@Controller
class ProcessController {

    private final PublishedProcesses published;
    private final TerritoryDirectory territories;

    ProcessController(PublishedProcesses published, TerritoryDirectory territories) {
        this.published = published;
        this.territories = territories;
    }

    @GetMapping("/processes")
    String list(@RequestParam(required = false) String when, @RequestParam(required = false) String territory,
                @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        PublishedProcesses.When chosen = PublishedProcesses.When.parse(when);
        Long territoryId = parseId(territory);
        int pageNumber = parsePage(page);
        List<TerritoryView> scopes = territories.scopes();
        boolean knownTerritory = territoryId == null || territories.find(territoryId).isPresent();
        if (chosen == null || !knownTerritory || pageNumber < 1 || territory != null && !territory.isBlank() && territoryId == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            chosen = chosen == null ? PublishedProcesses.When.CURRENT : chosen;
            model.addAttribute("badFilter", true);
            territoryId = knownTerritory ? territoryId : null;
            pageNumber = Math.max(1, pageNumber);
        }
        Page<ProcessCard> found = published.list(chosen, territoryId, pageNumber - 1);
        model.addAttribute("when", chosen.param());
        model.addAttribute("whens", List.of("current", "upcoming", "past"));
        model.addAttribute("territoryId", territoryId);
        model.addAttribute("scopes", scopes);
        model.addAttribute("processes", found.getContent());
        model.addAttribute("page", pageNumber);
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("total", found.getTotalElements());
        return "processes/list";
    }

    @GetMapping("/processes/{slug}")
    String show(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("process", published.page(slug, user).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
        return "processes/show";
    }

    @GetMapping("/processes/{slug}/image")
    ResponseEntity<byte[]> image(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user) {
        PublishedProcesses.Image image = published.image(slug, user).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        CacheControl cache = image.isPublic() ? CacheControl.maxAge(Duration.ofDays(30)).cachePublic()
                : CacheControl.noStore();
        return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(image.data());
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parsePage(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
