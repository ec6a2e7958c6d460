package org.agora.territories;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see the tree's size, search it and import a CSV file. Access is checked by the security rules. */
@Controller
@RequestMapping("/admin/territories")
class TerritoryAdminController {

    static final int LIST_SIZE = 50;

    private final TerritoryTree tree;
    private final TerritoryImporter importer;

    TerritoryAdminController(TerritoryTree tree, TerritoryImporter importer) {
        this.tree = tree;
        this.importer = importer;
    }

    @GetMapping
    String page(@RequestParam(required = false) String q, Model model, Locale locale) {
        return render(q, List.of(), model, locale);
    }

    @PostMapping("/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        ImportReport report;
        if (file == null || file.isEmpty()) {
            report = ImportReport.refused(List.of(new ImportReport.Problem(0, "territories.import.error.noFile")));
        } else if (file.getSize() > TerritoryImporter.MAX_BYTES) {
            report = ImportReport.refused(List.of(new ImportReport.Problem(0, "territories.import.error.tooLarge",
                    String.valueOf(TerritoryImporter.MAX_BYTES / (1024 * 1024)))));
        } else {
            try (InputStream in = file.getInputStream()) {
                report = importer.importCsv(in);
            }
        }
        if (!report.succeeded()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(null, report.problems(), model, locale);
        }
        redirect.addFlashAttribute("flash", "territories.import.done");
        redirect.addFlashAttribute("importReport", report);
        return "redirect:/admin/territories";
    }

    private String render(String q, List<ImportReport.Problem> problems, Model model, Locale locale) {
        model.addAttribute("counts", tree.countsByKind());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("results", q == null || q.isBlank() ? List.of() : tree.search(q, LIST_SIZE));
        model.addAttribute("problems", problems.stream().map(problem -> importer.describe(problem, locale)).toList());
        model.addAttribute("maxProblems", TerritoryImporter.MAX_PROBLEMS);
        model.addAttribute("header", TerritoryImporter.HEADER);
        return "territories/admin";
    }
}
