package org.agora.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.agora.processes.ProcessCatalog;
import org.agora.processes.PublicProcess;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public figures page: {@code /chiffres} for the instance, {@code ?process=<slug>} for a process,
 * {@code ?territory=<id>} for a territory and everything below it; the same figures as CSV at {@code /chiffres.csv}.
 */
@Controller
class FiguresController {

    private final List<FigureProvider> providers;
    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;
    private final MessageSource messages;

    FiguresController(List<FigureProvider> providers, ProcessCatalog processes, TerritoryDirectory territories,
                      MessageSource messages) {
        this.providers = providers;
        this.processes = processes;
        this.territories = territories;
        this.messages = messages;
    }

    @GetMapping("/chiffres")
    String page(@RequestParam(required = false) String process, @RequestParam(required = false) String territory,
                Model model) {
        FigureScope scope = scope(process, territory);
        model.addAttribute("scope", scope);
        model.addAttribute("blocks", blocks(scope));
        model.addAttribute("processes", processes.allPublic());
        model.addAttribute("territories", territories.scopes());
        return "statistics/figures";
    }

    @GetMapping("/chiffres.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String process,
                               @RequestParam(required = false) String territory, Locale locale) {
        FigureScope scope = scope(process, territory);
        StringBuilder csv = new StringBuilder("\uFEFF").append(cell(messages.getMessage("statistics.csv.block", null, locale)))
                .append(';').append(cell(messages.getMessage("statistics.csv.figure", null, locale))).append(';')
                .append(cell(messages.getMessage("statistics.csv.value", null, locale))).append("\r\n");
        for (FigureBlock block : blocks(scope)) {
            String heading = messages.getMessage("statistics.block." + block.key(), null, locale);
            for (FigureBlock.Figure figure : block.figures()) {
                csv.append(cell(heading)).append(';').append(cell(messages.getMessage(figure.label(), figure.arguments(), locale)))
                        .append(';').append(figure.value()).append("\r\n");
            }
        }
        String name = scope.isProcess() ? "chiffres-" + scope.processSlug()
                : scope.isTerritory() ? "chiffres-territoire-" + scope.territoryId() : "chiffres";
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<FigureBlock> blocks(FigureScope scope) {
        return providers.stream().flatMap(provider -> provider.block(scope).stream()).toList();
    }

    /** The scope asked for: a public process by slug, or a territory by id; both at once, or a malformed id, is a 400. */
    private FigureScope scope(String process, String territory) {
        boolean byProcess = process != null && !process.isBlank();
        boolean byTerritory = territory != null && !territory.isBlank();
        if (byProcess && byTerritory) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Either a process or a territory");
        }
        if (byProcess) {
            PublicProcess found = processes.allPublic().stream().filter(candidate -> candidate.slug().equals(process.strip()))
                    .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new FigureScope(found.id().value(), found.slug(), found.title(), null, null);
        }
        if (byTerritory) {
            if (!territory.strip().matches("[1-9][0-9]{0,17}")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A territory is a number");
            }
            TerritoryView found = territories.find(Long.parseLong(territory.strip()))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new FigureScope(null, null, null, found.id(), found.name());
        }
        return FigureScope.instance();
    }

    private static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return value.contains(";") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
