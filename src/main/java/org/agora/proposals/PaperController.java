package org.agora.proposals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff and facilitators record proposals gathered on paper for a process, outside any meeting: a bulk form, or a
 * workshop's CSV checked first (dry run) then imported. The collection is named by hand ("Atelier du 12 mars à Blois").
 */
@Controller
@RequestMapping("/processes/{slug}/proposals/paper")
class PaperController {

    private final PaperContributions contributions;
    private final ProposalManagement management;
    private final ProposalBrowser browser;
    private final MessageSource messages;

    PaperController(PaperContributions contributions, ProposalManagement management, ProposalBrowser browser,
                    MessageSource messages) {
        this.contributions = contributions;
        this.management = management;
        this.browser = browser;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model) {
        ProcessSettings process = recordable(slug, user);
        return page(model, process, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE, null, null);
    }

    @PostMapping
    String record(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response, Locale locale) {
        ProcessSettings process = recordable(slug, user);
        PaperForm form = PaperForm.from(params);
        if (params.containsKey("more")) {
            return page(model, process, user, form.withMoreRows(), PaperErrors.NONE, null, null);
        }
        List<PaperContributions.PaperProblem> problems = new ArrayList<>(collectionProblems(form.label(), form.territory()));
        if (problems.isEmpty()) {
            try {
                List<String> references = contributions.record(process.id(), user, collection(form.label(), form.territory()),
                        form.proposals());
                redirect.addFlashAttribute("flash", "proposals.paper.flash.recorded");
                return "redirect:/processes/" + slug + "/proposals";
            } catch (PaperContributions.InvalidBatch invalid) {
                problems.addAll(invalid.problems());
            } catch (ProposalRefused refused) {
                redirect.addFlashAttribute("flashError", refused.key());
                return "redirect:/processes/" + slug + "/proposals";
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, process, user, form, PaperErrors.of(problems, form.blockNumbers(), messages, locale), null, null);
    }

    /**
     * A CSV is read and checked first (dry run); the page then lists every problem by line, or the proposals found
     * with a button that imports them. The file travels in a hidden field between the two steps, so nothing is kept
     * on the server.
     */
    @PostMapping("/csv")
    String csv(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user,
               @RequestParam(name = "file", required = false) MultipartFile file,
               @RequestParam(name = "csvData", required = false) String csvData,
               @RequestParam(name = "csvLabel", defaultValue = "") String label,
               @RequestParam(name = "csvTerritory", defaultValue = "") String territory,
               @RequestParam(name = "confirm", required = false) String confirm,
               Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        ProcessSettings process = recordable(slug, user);
        byte[] bytes = PaperContributions.csvBytes(file, csvData);
        CsvForm csvForm = new CsvForm(label.strip(), territory.strip());
        List<PaperContributions.PaperProblem> problems = new ArrayList<>(collectionProblems(csvForm.label(), csvForm.territory()));
        if (bytes.length == 0) {
            problems.add(new PaperContributions.PaperProblem(0, "file", "proposals.paper.csv.missing"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, process, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE, csvForm,
                    PaperErrors.of(problems, List.of(), messages, locale));
        }
        PaperContributions.Collection where = collection(csvForm.label(), csvForm.territory());
        try {
            if (confirm != null) {
                List<String> references = contributions.importCsv(process.id(), user, where, bytes);
                redirect.addFlashAttribute("flash", "proposals.paper.flash.recorded");
                return "redirect:/processes/" + slug + "/proposals";
            }
            PaperContributions.CsvPreview preview = contributions.previewCsv(process.id(), user, where, bytes);
            if (!preview.valid()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("preview", preview);
            model.addAttribute("csvData", Base64.getEncoder().encodeToString(bytes));
            model.addAttribute("csvProblems", preview.problems().stream().map(problem -> new CsvLine(problem.line(),
                    problem.column(), messages.getMessage(problem.key(), null, locale))).toList());
        } catch (PaperContributions.InvalidCsv invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("csvProblems", invalid.problems().stream().map(problem -> new CsvLine(problem.line(),
                    problem.column(), messages.getMessage(problem.key(), null, locale))).toList());
        } catch (ProposalRefused refused) {
            redirect.addFlashAttribute("flashError", refused.key());
            return "redirect:/processes/" + slug + "/proposals";
        }
        return page(model, process, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE, csvForm, PaperErrors.NONE);
    }

    /** The label and territory of a collection typed by hand, as typed. */
    record CsvForm(String label, String territory) {
    }

    /** A CSV problem as the page lists it. */
    record CsvLine(int line, String column, String message) {
    }

    private ProcessSettings recordable(String slug, AgoraUser user) {
        ProcessSettings process = management.publicProcess(slug);
        if (user == null || !contributions.mayRecord(user, process.id())) {
            throw new AccessDeniedException("Neither staff nor a facilitator of " + slug);
        }
        return process;
    }

    private static List<PaperContributions.PaperProblem> collectionProblems(String label, String territory) {
        List<PaperContributions.PaperProblem> problems = new ArrayList<>();
        if (label.isEmpty() || label.length() > 200) {
            problems.add(new PaperContributions.PaperProblem(0, "label", "proposals.paper.label.required"));
        }
        if (!territory.matches("[1-9][0-9]{0,17}")) {
            problems.add(new PaperContributions.PaperProblem(0, "territory", "proposals.form.territory.required"));
        }
        return problems;
    }

    private static PaperContributions.Collection collection(String label, String territory) {
        return new PaperContributions.Collection(null, label, null, Long.parseLong(territory));
    }


    private String page(Model model, ProcessSettings process, AgoraUser user, PaperForm form, PaperErrors errors,
                        CsvForm csvForm, PaperErrors csvErrors) {
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("csvForm", csvForm == null ? new CsvForm("", "") : csvForm);
        model.addAttribute("csvErrors", csvErrors == null ? PaperErrors.NONE : csvErrors);
        model.addAttribute("territories", contributions.territoryChoices(user, process.id()));
        model.addAttribute("maxRows", PaperCsv.MAX_ROWS);
        return "proposals/paper";
    }
}
