package org.agora.panels;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The public pages: the panels, a panel with its published lottery and draw, the volunteer form, the verification. */
@Controller
@RequestMapping("/panels")
class PanelController {

    private final Panels panels;
    private final PanelManagement management;
    private final PanelDraws draws;
    private final PanelViews views;
    private final Clock clock;

    PanelController(Panels panels, PanelManagement management, PanelDraws draws, PanelViews views, Clock clock) {
        this.panels = panels;
        this.management = management;
        this.draws = draws;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("panels", panels.publicPanels());
        model.addAttribute("views", views);
        return "panels/list";
    }

    @GetMapping("/{slug}")
    String show(@PathVariable String slug, Model model) {
        Panel panel = publicPanel(slug);
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("quotas", panels.quotas(panel.id()));
        model.addAttribute("open", panel.recruitingAt(clock.instant()));
        model.addAttribute("replacements", panels.replacements(panel.id()));
        return "panels/show";
    }

    @GetMapping("/{slug}/volunteer")
    String volunteerForm(@PathVariable String slug, Model model, HttpServletResponse response) {
        Panel panel = publicPanel(slug);
        return volunteerPage(panel, VolunteerForm.empty(), Map.of(), model, response);
    }

    @PostMapping("/{slug}/volunteer")
    String volunteer(@PathVariable String slug, @RequestParam Map<String, String> params, Locale locale, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        Panel panel = publicPanel(slug);
        VolunteerForm form = VolunteerForm.of(params);
        Map<String, String> problems = new LinkedHashMap<>();
        PanelManagement.Volunteered outcome = management.volunteer(panel.id(), form,
                "en".equals(locale.getLanguage()) ? "en" : "fr", problems);
        switch (outcome) {
            case RECORDED -> {
                redirect.addFlashAttribute("flash", "panels.volunteer.recorded");
                return "redirect:/panels/" + panel.slug();
            }
            case INVALID -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return volunteerPage(panel, form, problems, model, response);
            }
            default -> {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return volunteerPage(panel, form, Map.of(), model, response);
            }
        }
    }

    private String volunteerPage(Panel panel, VolunteerForm form, Map<String, String> problems, Model model,
                                 HttpServletResponse response) {
        boolean open = panel.recruitingAt(clock.instant());
        if (!open && response.getStatus() == HttpServletResponse.SC_OK) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("open", open);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("features", VolunteerForm.Feature.of(panels.quotas(panel.id())));
        return "panels/volunteer";
    }

    /** The published file, byte for byte the text whose SHA-256 the panel's page shows. */
    @GetMapping("/{slug}/lottery.csv")
    ResponseEntity<byte[]> lottery(@PathVariable String slug) {
        Panel panel = publicPanel(slug);
        String csv = panels.lotteryFile(panel.id()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + panel.slug() + "-lottery.csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{slug}/verification")
    String verification(@PathVariable String slug, @RequestParam(required = false) String seed, Model model,
                        HttpServletResponse response) {
        Panel panel = publicPanel(slug);
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("seed", seed == null ? "" : seed);
        Integer index = null;
        boolean seedInvalid = false;
        if (seed != null && panel.lotterySha256() != null) {
            index = draws.indexFor(panel, seed).orElse(null);
            seedInvalid = index == null;
            if (seedInvalid) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        model.addAttribute("index", index);
        model.addAttribute("seedInvalid", seedInvalid);
        List<List<String>> lottery = index == null ? List.of() : panels.lotteryPanels(panel.id());
        model.addAttribute("indexMembers", index == null || index >= lottery.size() ? List.of() : lottery.get(index));
        return "panels/verification";
    }

    private Panel publicPanel(String slug) {
        return panels.findBySlug(slug).filter(panel -> panel.status().isPublic())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
