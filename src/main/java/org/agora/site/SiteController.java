package org.agora.site;

import java.util.Set;

import org.agora.processes.ProcessCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@Controller
class SiteController {

    private static final Set<String> LEGAL_PAGES = Set.of("notice", "privacy", "accessibility", "terms");

    private final ProcessCatalog processes;

    SiteController(ProcessCatalog processes) {
        this.processes = processes;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("processes", processes.current(6));
        return "site/home";
    }

    @GetMapping("/legal/{page}")
    String legal(@PathVariable String page, Model model) {
        if (!LEGAL_PAGES.contains(page)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("page", page);
        return "site/legal";
    }
}
