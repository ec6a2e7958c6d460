package org.agora.accountability;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.shared.Clocks;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public pages of the referrals to advisory bodies and their opinions, and their staff pages. */
@Controller
class ReferralController implements ContributionTargetPage {

    private final Referrals referrals;
    private final Contributions contributions;
    private final ProcessCatalog processes;
    private final Clock clock;

    ReferralController(Referrals referrals, Contributions contributions, ProcessCatalog processes, Clock clock) {
        this.referrals = referrals;
        this.contributions = contributions;
        this.processes = processes;
        this.clock = clock;
    }

    @GetMapping("/saisines")
    String list(Model model) {
        model.addAttribute("referrals", referrals.all());
        return "accountability/referrals";
    }

    @GetMapping("/saisines/{id}")
    String referral(@PathVariable long id, Model model) {
        Referrals.Referral referral = referrals.find(id).orElseThrow(CharterPages::notFound);
        model.addAttribute("referral", referral);
        model.addAttribute("process", referral.processId() == null ? null
                : processes.findPublic(new ProcessId(referral.processId())).orElse(null));
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/referral";
    }

    @GetMapping("/saisines/{id}/avis.pdf")
    ResponseEntity<byte[]> opinionPdf(@PathVariable long id) {
        byte[] pdf = referrals.pdf(id).orElseThrow(CharterPages::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("avis-" + id + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    @GetMapping("/admin/saisines")
    @PreAuthorize(Contributions.STAFF)
    String admin(Model model) {
        model.addAttribute("referrals", referrals.all());
        model.addAttribute("bodies", referrals.bodies());
        model.addAttribute("processes", processes.allPublic());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("deadline", today().plusMonths(2).toString()));
        }
        if (!model.containsAttribute("bodyForm")) {
            model.addAttribute("bodyForm", Map.of());
        }
        return "accountability/admin-referrals";
    }

    @PostMapping("/admin/saisines")
    @PreAuthorize(Contributions.STAFF)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Long process = processId(form.get("process"));
            long id = referrals.create(form.get("body"), form.get("question"), form.get("deadline"), process);
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/saisines/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "form", form, admin(model), model, response);
        }
    }

    @PostMapping("/admin/saisines/bodies")
    @PreAuthorize(Contributions.STAFF)
    String addBody(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            referrals.addBody(form.get("name"), form.get("description"));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/saisines";
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "bodyForm", form, admin(model), model, response);
        }
    }

    @GetMapping("/admin/saisines/{id}")
    @PreAuthorize(Contributions.STAFF)
    String show(@PathVariable long id, Model model) {
        return adminPage(id, model);
    }

    @PostMapping("/admin/saisines/{id}/opinion")
    @PreAuthorize(Contributions.STAFF)
    String opinion(@PathVariable long id, @RequestParam Map<String, String> form,
                   @RequestParam(name = "pdf", required = false) MultipartFile pdf, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) throws IOException {
        String view = adminPage(id, model);
        try {
            referrals.recordOpinion(id, form.get("opinion"), form.get("opinionOn"), bytes(pdf));
            redirect.addFlashAttribute("flash", "accountability.charter.flash.saved");
            return "redirect:/admin/saisines/" + id;
        } catch (CharterInvalid invalid) {
            return CharterPages.rejected(invalid, "form", form, view, model, response);
        }
    }

    @Override
    public ContributionKind kind() {
        return ContributionKind.REFERRAL;
    }

    @Override
    public String adminPage(long id, Model model) {
        Referrals.Referral referral = referrals.find(id).orElseThrow(CharterPages::notFound);
        Map<String, String> form = new HashMap<>();
        form.put("opinion", referral.opinion() == null ? "" : referral.opinion());
        form.put("opinionOn", (referral.opinionOn() == null ? today() : referral.opinionOn()).toString());
        model.addAttribute("referral", referral);
        model.addAttribute("form", form);
        model.addAttribute("maxPdfMegabytes", Referrals.MAX_PDF_BYTES / (1024 * 1024));
        model.addAttribute("kind", kind());
        model.addAttribute("target", id);
        model.addAttribute("linked", contributions.proposalsOf(kind(), id));
        return "accountability/admin-referral";
    }

    /** A public process's id, null when none is chosen. */
    private Long processId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0 && processes.findPublic(new ProcessId(id)).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw CharterInvalid.of("process", "accountability.charter.error.choice");
    }

    /** Reads one byte more than allowed at most, so that an oversized file is recognised without being held whole. */
    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return in.readNBytes(Referrals.MAX_PDF_BYTES + 1);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.PARIS));
    }
}
