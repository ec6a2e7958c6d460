package org.agora.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public search page, the similar proposals shown while one is written, and the administrators' reindex
 * (access to /admin/search: ADMINISTRATOR, see accounts' SecurityConfiguration).
 */
@Controller
class SearchController {

    static final int MAX_QUERY_LENGTH = 200;
    static final int MAX_PAGE = 1_000;
    static final List<String> TYPES = List.of(SearchEntry.PROPOSAL, SearchEntry.COMMENT, SearchEntry.PROCESS);
    static final List<String> STATUSES = List.of("published", "withdrawn", "answered");

    private final SearchQueries queries;
    private final SearchIndex index;
    private final ProcessCatalog catalog;
    private final ProcessRules processes;
    private final TerritoryDirectory territories;

    SearchController(SearchQueries queries, SearchIndex index, ProcessCatalog catalog, ProcessRules processes,
                     TerritoryDirectory territories) {
        this.queries = queries;
        this.index = index;
        this.catalog = catalog;
        this.processes = processes;
        this.territories = territories;
    }

    record Choice(String value, String label) {
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String process, @RequestParam(required = false) String territory,
                  @RequestParam(required = false) String theme, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String page,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            problems.add("q");
            text = null;
        }
        String chosenType = oneOf(type, TYPES, "type", problems);
        String chosenStatus = oneOf(status, STATUSES, "status", problems);

        List<ProcessSettings> publicProcesses = catalog.publishedSlugs().stream()
                .flatMap(slug -> processes.bySlug(slug).stream()).toList();
        List<Choice> processChoices = publicProcesses.stream()
                .map(settings -> new Choice(settings.slug(), settings.title())).toList();
        Optional<ProcessSettings> chosenProcess = Optional.ofNullable(blankToNull(process)).flatMap(processes::bySlug);
        if (blankToNull(process) != null && chosenProcess.isEmpty()) {
            problems.add("process");
        }

        List<TerritoryView> territoryChoices = territories.scopes();
        Long territoryId = null;
        if (blankToNull(territory) != null) {
            territoryId = number(territory).filter(id -> territoryChoices.stream().anyMatch(choice -> choice.id() == id))
                    .orElse(null);
            if (territoryId == null) {
                problems.add("territory");
            }
        }

        Set<String> themeChoices = new LinkedHashSet<>();
        chosenProcess.ifPresentOrElse(chosen -> themeChoices.addAll(chosen.themes()),
                () -> publicProcesses.forEach(settings -> themeChoices.addAll(settings.themes())));
        String chosenTheme = blankToNull(theme);
        if (chosenTheme != null && !themeChoices.contains(chosenTheme)) {
            problems.add("theme");
            chosenTheme = null;
        }

        int chosenPage = 1;
        if (blankToNull(page) != null) {
            Optional<Long> number = number(page);
            if (number.isEmpty() || number.get() > MAX_PAGE) {
                problems.add("page");
            } else {
                chosenPage = number.get().intValue();
            }
        }

        if (text != null) {
            SearchQueries.Results results = queries.search(new SearchQueries.Criteria(text, chosenType,
                    chosenProcess.map(settings -> settings.id().value()).orElse(null), territoryId, chosenTheme,
                    chosenStatus), chosenPage);
            model.addAttribute("results", results);
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("problems", problems);
        model.addAttribute("maxQueryLength", MAX_QUERY_LENGTH);
        model.addAttribute("q", text != null ? text : q == null ? "" : abbreviated(q.strip()));
        model.addAttribute("searched", text != null);
        model.addAttribute("type", chosenType);
        model.addAttribute("types", TYPES);
        model.addAttribute("process", chosenProcess.map(ProcessSettings::slug).orElse(null));
        model.addAttribute("processes", processChoices);
        model.addAttribute("territory", territoryId);
        model.addAttribute("territories", territoryChoices);
        model.addAttribute("theme", chosenTheme);
        model.addAttribute("themes", themeChoices);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", chosenPage);
        model.addAttribute("pageSize", SearchQueries.PAGE_SIZE);
        return htmx != null ? "search/results :: results" : "search/results";
    }

    /** A fragment for the proposal form (htmx), or a page of its own when followed as a link without JavaScript. */
    @GetMapping("/search/similar")
    String similar(@RequestParam(required = false) String process, @RequestParam(required = false) String title,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                   HttpServletResponse response) {
        Optional<ProcessSettings> chosen = Optional.ofNullable(blankToNull(process)).flatMap(processes::bySlug);
        String text = blankToNull(title);
        if (chosen.isEmpty() || (text != null && text.length() > MAX_QUERY_LENGTH)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        List<SearchQueries.Similar> similar = chosen.isEmpty() || text == null || text.length() > MAX_QUERY_LENGTH
                ? List.of() : queries.similar(chosen.get().id().value(), text);
        model.addAttribute("similar", similar);
        model.addAttribute("title", text);
        model.addAttribute("processTitle", chosen.map(ProcessSettings::title).orElse(null));
        model.addAttribute("processSlug", chosen.map(ProcessSettings::slug).orElse(null));
        return htmx != null ? "search/similar :: similar" : "search/similar";
    }

    @GetMapping("/admin/search")
    String admin(Model model) {
        model.addAttribute("entries", index.entries());
        model.addAttribute("documents", index.documents());
        model.addAttribute("lastRebuild", index.lastRebuild().orElse(null));
        return "search/admin";
    }

    @PostMapping("/admin/search/reindex")
    String reindex(RedirectAttributes redirect) throws InterruptedException {
        SearchIndex.Rebuilt rebuilt = index.rebuild();
        redirect.addFlashAttribute("flash", "search.admin.rebuilt");
        redirect.addFlashAttribute("rebuilt", rebuilt);
        return "redirect:/admin/search";
    }

    private static String oneOf(String value, List<String> allowed, String field, List<String> problems) {
        String chosen = blankToNull(value);
        if (chosen == null) {
            return null;
        }
        chosen = chosen.toLowerCase(Locale.ROOT);
        if (!allowed.contains(chosen)) {
            problems.add(field);
            return null;
        }
        return chosen;
    }

    /** A refused query is shown back in its field, but never more than twice what is allowed. */
    private static String abbreviated(String query) {
        return query.length() <= 2 * MAX_QUERY_LENGTH ? query : query.substring(0, 2 * MAX_QUERY_LENGTH);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
