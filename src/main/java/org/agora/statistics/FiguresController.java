package org.agora.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.PublicProcess;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public figures page: {@code /chiffres} for the instance, {@code ?process=<slug>} for a process,
 * {@code ?territory=<id>} for a territory and everything below it, over a period ({@code period=all|30d|year} or
 * {@code from}/{@code to} dates); each block as a chart, its table and its CSV at {@code /chiffres/<block>.csv}, all of
 * them at {@code /chiffres.csv}.
 */
@Controller
class FiguresController {

    private final Figures figures;
    private final ProcessCatalog processes;
    private final TerritoryDirectory territories;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FiguresController(Figures figures, ProcessCatalog processes, TerritoryDirectory territories, MessageSource messages,
                      JdbcTemplate jdbc, Clock clock) {
        this.figures = figures;
        this.processes = processes;
        this.territories = territories;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A block as the page shows it: its figures, its chart (null when nothing is charted) and its CSV link. */
    record BlockView(String key, List<FigureBlock.Figure> figures, String chart, String csv) {
    }

    @GetMapping("/chiffres")
    String page(@RequestParam(required = false) String process, @RequestParam(required = false) String territory,
                @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model, Locale locale, HttpServletResponse response) {
        FigureScope scope = scope(process, territory);
        model.addAttribute("scope", scope);
        model.addAttribute("processes", processes.allPublic());
        model.addAttribute("territories", territories.scopes());
        model.addAttribute("periodPreset", period == null || period.isBlank() ? (from != null && !from.isBlank()
                || to != null && !to.isBlank() ? "custom" : "all") : period);
        model.addAttribute("periodFrom", from);
        model.addAttribute("periodTo", to);
        FigurePeriod chosen;
        try {
            chosen = FigurePeriod.parse(period, from, to, today());
        } catch (FigurePeriod.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("periodError", invalid.key);
            model.addAttribute("blocks", List.of());
            return "statistics/figures";
        }
        model.addAttribute("period", chosen);
        model.addAttribute("periodLabel", describe(chosen, locale));
        String query = query(scope, chosen);
        List<BlockView> views = new ArrayList<>();
        for (FigureBlock block : figures.blocks(scope, chosen)) {
            views.add(view(block, chosen, locale, query));
        }
        model.addAttribute("blocks", views);
        model.addAttribute("csvAll", "/chiffres.csv" + query);
        model.addAttribute("refreshedAt", jdbc.queryForList("SELECT refreshed_at FROM figure_refresh WHERE refreshed_at IS NOT NULL", java.sql.Timestamp.class)
                .stream().findFirst().map(at -> at.toInstant().atZone(Clocks.PARIS)
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)))
                .orElse(null));
        return "statistics/figures";
    }

    @GetMapping("/chiffres.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String process, @RequestParam(required = false) String territory,
                               @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, Locale locale) {
        FigureScope scope = scope(process, territory);
        FigurePeriod chosen = period(period, from, to);
        return csv(name(scope, null), figures.blocks(scope, chosen), locale);
    }

    @GetMapping("/chiffres/{block}.csv")
    ResponseEntity<byte[]> blockCsv(@PathVariable String block, @RequestParam(required = false) String process,
                                    @RequestParam(required = false) String territory,
                                    @RequestParam(required = false) String period, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, Locale locale) {
        FigureScope scope = scope(process, territory);
        FigurePeriod chosen = period(period, from, to);
        FigureBlock found = figures.blocks(scope, chosen).stream().filter(candidate -> candidate.key().equals(block))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return csv(name(scope, block), List.of(found), locale);
    }

    private ResponseEntity<byte[]> csv(String name, List<FigureBlock> blocks, Locale locale) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(cell(messages.getMessage("statistics.csv.block", null, locale)))
                .append(';').append(cell(messages.getMessage("statistics.csv.figure", null, locale))).append(';')
                .append(cell(messages.getMessage("statistics.csv.value", null, locale))).append("\r\n");
        for (FigureBlock block : blocks) {
            String heading = messages.getMessage("statistics.block." + block.key(), null, locale);
            for (FigureBlock.Figure figure : block.figures()) {
                csv.append(cell(heading)).append(';').append(cell(messages.getMessage(figure.label(), figure.arguments(), locale)))
                        .append(';').append(figure.value()).append("\r\n");
            }
        }
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private BlockView view(FigureBlock block, FigurePeriod period, Locale locale, String query) {
        List<FigureBlock.Figure> charted = block.charted();
        String chart = null;
        if (!charted.isEmpty()) {
            List<BarChart.Bar> bars = charted.stream().map(figure -> new BarChart.Bar(
                    messages.getMessage(figure.label(), figure.arguments(), locale), figure.number())).toList();
            String heading = messages.getMessage("statistics.block." + block.key(), null, locale);
            String caption = messages.getMessage("statistics.caption." + block.key(), null, locale);
            chart = BarChart.svg("chart-" + block.key(),
                    messages.getMessage("statistics.chart.title", new Object[] {heading, describe(period, locale)}, locale),
                    messages.getMessage("statistics.chart.desc", new Object[] {caption}, locale), bars);
        }
        return new BlockView(block.key(), block.figures(), chart, "/chiffres/" + block.key() + ".csv" + query);
    }

    /** The period in words, for titles. */
    private String describe(FigurePeriod period, Locale locale) {
        if (!"custom".equals(period.preset())) {
            return messages.getMessage("statistics.period.preset." + period.preset(), null, locale);
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return messages.getMessage("statistics.period.between",
                new Object[] {period.from().format(format), period.to().format(format)}, locale);
    }

    /** The query string that names this scope and period ("" for the instance over all time). */
    private static String query(FigureScope scope, FigurePeriod period) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        if (scope.isProcess()) {
            query.queryParam("process", scope.processSlug());
        }
        if (scope.isTerritory()) {
            query.queryParam("territory", scope.territoryId());
        }
        if ("custom".equals(period.preset())) {
            query.queryParam("from", period.from()).queryParam("to", period.to());
        } else if (!period.isAllTime()) {
            query.queryParam("period", period.preset());
        }
        return query.build().encode().toUriString();
    }

    private static String name(FigureScope scope, String block) {
        String name = scope.isProcess() ? "chiffres-" + scope.processSlug()
                : scope.isTerritory() ? "chiffres-territoire-" + scope.territoryId() : "chiffres";
        return block == null ? name : name + "-" + block;
    }

    private FigurePeriod period(String period, String from, String to) {
        try {
            return FigurePeriod.parse(period, from, to, today());
        } catch (FigurePeriod.Invalid invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.key);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Clocks.PARIS);
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

    static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return value.contains(";") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
