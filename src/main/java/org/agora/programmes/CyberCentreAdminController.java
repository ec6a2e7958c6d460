package org.agora.programmes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The network's admin pages, for staff and administrators: the dashboard and list, a centre's record with its
 * facilitators, agreements and payments, and the yearly consolidation of the reports.
 */
@Controller
@RequestMapping("/admin/cyber-centres")
class CyberCentreAdminController {

    private final CyberCentreNetwork network;
    private final CyberCentreCatalog catalog;

    CyberCentreAdminController(CyberCentreNetwork network, CyberCentreCatalog catalog) {
        this.network = network;
        this.catalog = catalog;
    }

    @GetMapping
    String dashboard(@AuthenticationPrincipal AgoraUser user, Model model, Locale locale) {
        CyberCentreNetwork.requireStaff(user);
        int lastYear = network.currentYear() - 1;
        model.addAttribute("centres", network.list(null, null, true));
        model.addAttribute("figures", catalog.figures());
        model.addAttribute("totals", network.totalsPerYear());
        model.addAttribute("reportYear", lastYear);
        model.addAttribute("consolidation", network.consolidation(lastYear));
        model.addAttribute("money", new Money(locale));
        return "programmes/centres/admin-dashboard";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal AgoraUser user, Model model, Locale locale) {
        CyberCentreNetwork.requireStaff(user);
        return form(model, null, CentreForm.empty(), Map.of(), Map.of(), locale);
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgoraUser user, @ModelAttribute CentreForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        return save(user, null, form, model, response, redirect, locale);
    }

    @GetMapping("/{id}")
    String editForm(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model, Locale locale) {
        return page(user, id, model, Map.of(), locale);
    }

    /** The centre's record page, its form filled from what is stored. */
    private String page(AgoraUser user, long id, Model model, Map<String, String> agreementProblems, Locale locale) {
        CyberCentreNetwork.requireStaff(user);
        CentreView centre = network.require(id);
        List<String> hours = centre.hours();
        CentreForm form = new CentreForm(centre.name(), centre.address(), centre.communeName(), centre.contactName(),
                centre.contactEmail(), centre.contactPhone(), hours.get(0), hours.get(1), hours.get(2), hours.get(3),
                hours.get(4), hours.get(5), hours.get(6),
                centre.latitude() == null ? "" : centre.latitude().stripTrailingZeros().toPlainString(),
                centre.longitude() == null ? "" : centre.longitude().stripTrailingZeros().toPlainString(),
                centre.status().name());
        return form(model, centre, form, Map.of(), agreementProblems, locale);
    }

    @PostMapping("/{id}")
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute CentreForm form,
                Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        return save(user, id, form, model, response, redirect, locale);
    }

    @PostMapping("/{id}/facilitators")
    String addFacilitator(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @RequestParam String email,
                          RedirectAttributes redirect) {
        String problem = network.addFacilitator(user, id, email);
        redirect.addFlashAttribute(problem == null ? "flash" : "flashError",
                problem == null ? "programmes.centre.flash.facilitatorAdded" : problem);
        return "redirect:/admin/cyber-centres/" + id + "#facilitators";
    }

    @PostMapping("/{id}/facilitators/{accountId}/remove")
    String removeFacilitator(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                             @PathVariable long accountId, RedirectAttributes redirect) {
        network.removeFacilitator(user, id, accountId);
        redirect.addFlashAttribute("flash", "programmes.centre.flash.facilitatorRemoved");
        return "redirect:/admin/cyber-centres/" + id + "#facilitators";
    }

    @PostMapping("/{id}/agreements")
    String addAgreement(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                        @RequestParam(defaultValue = "") String startYear,
                        @RequestParam(defaultValue = "") String yearlyGrant, Model model,
                        HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Map<String, String> problems = network.addAgreement(user, id, startYear, yearlyGrant);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("agreementForm", Map.of("startYear", startYear, "yearlyGrant", yearlyGrant));
            return page(user, id, model, problems, locale);
        }
        redirect.addFlashAttribute("flash", "programmes.centre.flash.agreementAdded");
        return "redirect:/admin/cyber-centres/" + id + "#agreements";
    }

    @PostMapping("/{id}/payments/{paymentId}")
    String recordPayment(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long paymentId,
                         @RequestParam(defaultValue = "") String committed, @RequestParam(defaultValue = "") String paid,
                         @RequestParam(defaultValue = "") String paidOn, Model model, HttpServletResponse response,
                         RedirectAttributes redirect, Locale locale) {
        CyberCentreNetwork.requireStaff(user);
        boolean ofThisCentre = network.agreements(id).stream().flatMap(agreement -> agreement.payments().stream())
                .anyMatch(payment -> payment.id() == paymentId);
        if (!ofThisCentre) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Map<String, String> problems = network.recordPayment(user, paymentId, committed, paid, paidOn);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("paymentProblems", problems);
            model.addAttribute("paymentId", paymentId);
            model.addAttribute("paymentTyped", Map.of("committed", committed, "paid", paid, "paidOn", paidOn));
            return page(user, id, model, Map.of(), locale);
        }
        redirect.addFlashAttribute("flash", "programmes.centre.flash.paymentSaved");
        return "redirect:/admin/cyber-centres/" + id + "#agreements";
    }

    @GetMapping("/rapports")
    String consolidation(@AuthenticationPrincipal AgoraUser user, @RequestParam(required = false) Integer year,
                         Model model) {
        CyberCentreNetwork.requireStaff(user);
        int shown = year == null ? network.currentYear() - 1 : year;
        if (!network.reportableYear(shown)) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        model.addAttribute("consolidation", network.consolidation(shown));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(Math.max(CyberCentreNetwork.FIRST_YEAR,
                network.currentYear() - 6), network.currentYear()).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("themes", CentreTheme.values());
        return "programmes/centres/admin-reports";
    }

    private String save(AgoraUser user, Long id, CentreForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect, Locale locale) {
        CyberCentreNetwork.requireStaff(user);
        CentreView current = id == null ? null : network.require(id);
        CyberCentreNetwork.Saved saved = network.save(user, id, form);
        if (!saved.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, current, form, saved.problems(), Map.of(), locale);
        }
        redirect.addFlashAttribute("flash", id == null ? "programmes.centre.flash.created" : "programmes.centre.flash.saved");
        return "redirect:/admin/cyber-centres/" + saved.id();
    }

    private String form(Model model, CentreView centre, CentreForm form, Map<String, String> problems,
                        Map<String, String> agreementProblems, Locale locale) {
        model.addAttribute("centre", centre);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("agreementProblems", agreementProblems);
        model.addAttribute("days", CentreForm.DAYS);
        model.addAttribute("statuses", CentreStatus.values());
        model.addAttribute("agreements", centre == null ? List.of() : network.agreements(centre.id()));
        model.addAttribute("reports", centre == null ? List.of() : network.reportsOf(centre.id()).stream()
                .map(report -> new ReportRow(report.year(), report.submitted())).toList());
        model.addAttribute("money", new Money(locale));
        if (!model.containsAttribute("agreementForm")) {
            model.addAttribute("agreementForm", Map.of("startYear", "", "yearlyGrant", ""));
        }
        if (!model.containsAttribute("paymentProblems")) {
            model.addAttribute("paymentProblems", Map.of());
            model.addAttribute("paymentId", -1L);
        }
        return "programmes/centres/admin-form";
    }

    record ReportRow(int year, boolean submitted) {
    }

    /** The templates' way to show cents as euros in the page's language. */
    record Money(Locale locale) {

        public String of(long cents) {
            return CentreAmounts.format(cents, locale);
        }
    }
}
