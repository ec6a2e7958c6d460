package org.agora.panels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The panels' admin pages, for administrators and the staff on each panel's team: the panel form and its team, the
 * pool and its import, the selection, the lottery, the draw and the replacements.
 */
@Controller
@RequestMapping("/admin/panels")
class PanelAdminController {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final Panels panels;
    private final Volunteers volunteers;
    private final PanelManagement management;
    private final PanelDraws draws;
    private final PanelSelections selections;
    private final PanelViews views;

    PanelAdminController(Panels panels, Volunteers volunteers, PanelManagement management, PanelDraws draws,
                         PanelSelections selections, PanelViews views) {
        this.panels = panels;
        this.volunteers = volunteers;
        this.management = management;
        this.draws = draws;
        this.selections = selections;
        this.views = views;
    }

    @ExceptionHandler(PanelRefused.class)
    String refused(PanelRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("reason", refused.key());
        return "panels/refused";
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgoraUser user, Model model) {
        model.addAttribute("panels", management.managed(user));
        model.addAttribute("views", views);
        return "panels/admin-list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        if (!PanelManagement.mayCreate(user)) {
            throw new org.springframework.security.access.AccessDeniedException("Only staff create panels");
        }
        Long region = views.scopes().isEmpty() ? null : views.scopes().getFirst().id();
        return form(model, null, PanelForm.empty(region), Map.of(), List.of());
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgoraUser user, @ModelAttribute PanelForm form,
                  @RequestParam(required = false) MultipartFile quotaFile, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        return save(user, null, withFile(form, quotaFile), model, response, redirect);
    }

    @GetMapping("/{id}")
    String overview(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Panel panel = management.requireTeam(user, id);
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("quotas", panels.quotas(id));
        model.addAttribute("poolSize", volunteers.count(id));
        model.addAttribute("team", management.team(panel));
        return "panels/admin-panel";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Panel panel = management.requireTeam(user, id);
        return form(model, panel, management.formOf(panel), Map.of(), List.of());
    }

    @PostMapping("/{id}")
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute PanelForm form,
                @RequestParam(required = false) MultipartFile quotaFile, Model model, HttpServletResponse response,
                RedirectAttributes redirect) throws IOException {
        return save(user, id, withFile(form, quotaFile), model, response, redirect);
    }

    private static PanelForm withFile(PanelForm form, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return form;
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new PanelRefused("panels.refused.fileTooLarge");
        }
        return new PanelForm(form.name(), form.purpose(), form.territoryId(), form.size(), form.householdColumns(),
                form.processId(), form.meetingIds(), form.opensAt(), form.closesAt(), form.retentionDays(),
                new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    private String save(AgoraUser user, Long id, PanelForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        Panel current = id == null ? null : management.requireTeam(user, id);
        PanelManagement.Saved saved = management.save(user, id, form);
        if (!saved.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, current, form, saved.problems(), saved.quotaProblems());
        }
        redirect.addFlashAttribute("flash", id == null ? "panels.flash.created" : "panels.flash.saved");
        return "redirect:/admin/panels/" + saved.id();
    }

    private String form(Model model, Panel panel, PanelForm form, Map<String, String> problems,
                        List<FileProblem> quotaProblems) {
        model.addAttribute("panel", panel);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("quotaProblems", quotaProblems);
        model.addAttribute("views", views);
        return "panels/admin-form";
    }

    @PostMapping("/{id}/open")
    String open(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.openRecruitment(user, id);
        redirect.addFlashAttribute("flash", "panels.flash.opened");
        return "redirect:/admin/panels/" + id;
    }

    @PostMapping("/{id}/end")
    String end(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.end(user, id);
        redirect.addFlashAttribute("flash", "panels.flash.ended");
        return "redirect:/admin/panels/" + id;
    }

    @PostMapping("/{id}/team")
    String addToTeam(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam String email,
                     RedirectAttributes redirect) {
        management.addToTeam(user, id, email);
        redirect.addFlashAttribute("flash", "panels.flash.teamAdded");
        return "redirect:/admin/panels/" + id;
    }

    @PostMapping("/{id}/team/{accountId}/remove")
    String removeFromTeam(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long accountId,
                          RedirectAttributes redirect) {
        management.removeFromTeam(user, id, accountId);
        redirect.addFlashAttribute("flash", "panels.flash.teamRemoved");
        return "redirect:/admin/panels/" + id;
    }

    // ----- Pool -----

    @GetMapping("/{id}/pool")
    String pool(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Panel panel = management.requireTeam(user, id);
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("volunteers", management.pool(user, id));
        model.addAttribute("features", VolunteerForm.Feature.of(panels.quotas(id)));
        return "panels/admin-pool";
    }

    @PostMapping("/{id}/pool/preview")
    String previewImport(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                         @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        Panel panel = management.requireTeam(user, id);
        String text = file == null || file.isEmpty() ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        if (file != null && file.getSize() > MAX_FILE_BYTES) {
            throw new PanelRefused("panels.refused.fileTooLarge");
        }
        PanelManagement.ImportPreview preview = text.isBlank()
                ? new PanelManagement.ImportPreview(List.of(), List.of(new PanelManagement.Problem(0, "panels.import.noFile", null)))
                : management.preview(user, id, text);
        if (!preview.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("preview", preview);
        model.addAttribute("text", text);
        model.addAttribute("features", VolunteerForm.Feature.of(panels.quotas(id)));
        return "panels/admin-import";
    }

    @PostMapping("/{id}/pool/import")
    String commitImport(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam String text,
                        RedirectAttributes redirect) {
        int count = management.commitImport(user, id, text);
        redirect.addFlashAttribute("flash", "panels.flash.imported");
        redirect.addFlashAttribute("importedCount", count);
        return "redirect:/admin/panels/" + id + "/pool";
    }

    // ----- Selection -----

    /** One row of the comparison by feature value: the mean probability of its volunteers under each algorithm. */
    record ValueRow(String feature, String value, int volunteers, Double leximin, Double legacy) {
    }

    /** One quota of the proposed relaxation beside the current one (null when the panel has no such quota). */
    record RelaxedRow(String feature, String value, Quota current, Quota proposed) {
        public boolean changed() {
            return current == null || current.min() != proposed.min() || current.max() != proposed.max();
        }
    }

    private List<RelaxedRow> relaxedRows(long id, PanelSelections.Run run) {
        if (run == null || run.relaxed().isEmpty()) {
            return List.of();
        }
        List<Quota> current = panels.quotas(id);
        return run.relaxed().stream().map(proposed -> new RelaxedRow(proposed.feature(), proposed.value(),
                current.stream().filter(quota -> quota.feature().equals(proposed.feature())
                        && quota.value().equals(proposed.value())).findFirst().orElse(null), proposed)).toList();
    }

    @GetMapping("/{id}/selection")
    String selection(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Panel panel = management.requireTeam(user, id);
        var leximin = selections.find(id, Algorithm.LEXIMIN);
        var legacy = selections.find(id, Algorithm.LEGACY);
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("leximin", leximin.orElse(null));
        model.addAttribute("legacy", legacy.orElse(null));
        model.addAttribute("running", leximin.filter(run -> run.status() == PanelSelections.Status.RUNNING).isPresent()
                || legacy.filter(run -> run.status() == PanelSelections.Status.RUNNING).isPresent());
        model.addAttribute("poolSize", volunteers.count(id));
        model.addAttribute("byValue", byValue(panel));
        model.addAttribute("relaxedRows", relaxedRows(id, leximin.orElse(null)));
        return "panels/admin-selection";
    }

    /** While a run goes on, the page asks every few seconds; once none runs, htmx reloads the whole page. */
    @GetMapping("/{id}/selection/status")
    String selectionStatus(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model,
                           HttpServletResponse response) {
        management.requireTeam(user, id);
        boolean running = selections.find(id, Algorithm.LEXIMIN).filter(run -> run.status() == PanelSelections.Status.RUNNING).isPresent()
                || selections.find(id, Algorithm.LEGACY).filter(run -> run.status() == PanelSelections.Status.RUNNING).isPresent();
        if (!running) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("running", running);
        model.addAttribute("panelId", id);
        return "panels/admin-selection :: status";
    }

    private List<ValueRow> byValue(Panel panel) {
        var leximin = selections.result(panel.id(), Algorithm.LEXIMIN).orElse(null);
        var legacy = selections.result(panel.id(), Algorithm.LEGACY).orElse(null);
        if (leximin == null && legacy == null) {
            return List.of();
        }
        List<Volunteer> pool = volunteers.pool(panel.id());
        List<ValueRow> rows = new ArrayList<>();
        for (Quota quota : panels.quotas(panel.id())) {
            List<String> ids = pool.stream().filter(v -> quota.value().equals(v.features().get(quota.feature())))
                    .map(Volunteer::pseudonym).toList();
            rows.add(new ValueRow(quota.feature(), quota.value(), ids.size(), mean(leximin, ids), mean(legacy, ids)));
        }
        return rows;
    }

    private static Double mean(SelectionResult result, List<String> ids) {
        if (result == null || ids.isEmpty()) {
            return null;
        }
        return ids.stream().mapToDouble(id -> result.probabilities().getOrDefault(id, 0.0)).average().orElse(0);
    }

    @PostMapping("/{id}/selection")
    String select(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam String algorithm,
                  RedirectAttributes redirect) {
        Algorithm chosen;
        try {
            chosen = Algorithm.valueOf(algorithm);
        } catch (IllegalArgumentException unknown) {
            throw new PanelRefused("panels.refused.algorithm");
        }
        draws.select(user, id, chosen);
        redirect.addFlashAttribute("flash", "panels.flash.selectionStarted");
        return "redirect:/admin/panels/" + id + "/selection";
    }

    @PostMapping("/{id}/selection/relax")
    String relax(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        draws.applyRelaxation(user, id);
        redirect.addFlashAttribute("flash", "panels.flash.relaxed");
        return "redirect:/admin/panels/" + id + "/selection";
    }

    // ----- Lottery, draw, replacements -----

    @GetMapping("/{id}/draw")
    String drawPage(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Panel panel = management.requireTeam(user, id);
        return drawPage(panel, model, Map.of(), "", "", "");
    }

    private String drawPage(Panel panel, Model model, Map<String, String> problems, String seed, String dropped,
                            String replacementSeed) {
        model.addAttribute("panel", panel);
        model.addAttribute("views", views);
        model.addAttribute("problems", problems);
        model.addAttribute("seed", seed);
        model.addAttribute("dropped", dropped);
        model.addAttribute("replacementSeed", replacementSeed);
        model.addAttribute("defaultSize", PanelDraws.DEFAULT_LOTTERY_SIZE);
        model.addAttribute("replacements", panels.replacements(panel.id()));
        model.addAttribute("leximin", selections.find(panel.id(), Algorithm.LEXIMIN).orElse(null));
        return "panels/admin-draw";
    }

    @PostMapping("/{id}/lottery")
    String publishLottery(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                          @RequestParam(defaultValue = "1000") String size, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        Long m = PanelForm.number(size, 1, 100_000);
        if (m == null) {
            Panel panel = management.requireTeam(user, id);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return drawPage(panel, model, Map.of("size", "panels.refused.lotterySize"), "", "", "");
        }
        draws.publishLottery(user, id, m.intValue());
        redirect.addFlashAttribute("flash", "panels.flash.published");
        return "redirect:/admin/panels/" + id + "/draw";
    }

    @PostMapping("/{id}/draw")
    String draw(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam(defaultValue = "") String seed,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            draws.draw(user, id, seed);
        } catch (PanelRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return drawPage(management.requireTeam(user, id), model, Map.of("seed", refused.key()), seed, "", "");
        }
        redirect.addFlashAttribute("flash", "panels.flash.drawn");
        return "redirect:/admin/panels/" + id + "/draw";
    }

    @PostMapping("/{id}/replacements")
    String replace(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "") String dropped, @RequestParam(defaultValue = "") String seed,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            draws.replace(user, id, dropped, seed);
        } catch (PanelRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Map<String, String> problems = new LinkedHashMap<>();
            problems.put(refused.key().equals("panels.refused.seed") ? "replacementSeed" : "dropped", refused.key());
            return drawPage(management.requireTeam(user, id), model, problems, "", dropped, seed);
        }
        redirect.addFlashAttribute("flash", "panels.flash.replaced");
        return "redirect:/admin/panels/" + id + "/draw";
    }

    @GetMapping("/{id}/panel.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AgoraUser user, @PathVariable long id) {
        Panel panel = management.requireTeam(user, id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + panel.slug() + "-panel.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(draws.export(user, id).getBytes(StandardCharsets.UTF_8));
    }
}
