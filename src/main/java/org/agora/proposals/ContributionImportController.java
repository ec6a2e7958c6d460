package org.agora.proposals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.agora.shared.Clocks;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Staff import contributions from a CSV file into a process: upload, map the columns, dry run, commit; and the list
 * of a process's imports. Staff of the process and administrators only (see decision 0029).
 */
@Controller
@RequestMapping("/admin/processes/{slug}")
class ContributionImportController {

    /** The most problems a report page lists; all of them are in the downloadable list. */
    static final int PROBLEMS_SHOWN = 1000;

    private final ContributionImports imports;
    private final AccountManagement accounts;
    private final MessageSource messages;

    ContributionImportController(ContributionImports imports, AccountManagement accounts, MessageSource messages) {
        this.imports = imports;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A problem as a page lists it. */
    record ProblemLine(int line, String column, String message) {
    }

    /** A batch as the list of imports shows it. */
    record BatchLine(long id, String sourceName, String fileName, String sha256, String importedBy,
                     java.time.ZonedDateTime importedAt, int rowCount) {
    }

    /** A column of the mapping step: its header, a few values, and the field chosen. */
    record ColumnLine(int index, String header, String field, String error) {
    }

    @GetMapping("/import")
    String uploadPage(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model) {
        ProcessSettings process = imports.importable(slug, user);
        return uploadPage(model, process, null);
    }

    @PostMapping("/import")
    String upload(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) throws IOException {
        ProcessSettings process = imports.importable(slug, user);
        if (!ContributionImports.receives(process)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return uploadPage(model, process, "proposals.import.refused");
        }
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return uploadPage(model, process, "proposals.import.file.missing");
        }
        try {
            long id = imports.upload(process, user, file.getOriginalFilename(), file.getInputStream());
            return "redirect:/admin/processes/" + slug + "/import/" + id;
        } catch (ContributionImports.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return uploadPage(model, process, refused.key());
        }
    }

    @GetMapping("/import/{uploadId}")
    String mappingPage(@PathVariable String slug, @PathVariable long uploadId, @AuthenticationPrincipal AgoraUser user,
                       Model model, HttpServletResponse response) {
        ProcessSettings process = imports.importable(slug, user);
        ContributionImports.Upload upload = imports.upload(process, user, uploadId);
        ContributionImports.Sample sample = imports.sample(upload);
        if (sample.problemKey() != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        ContributionImportMapping mapping = imports.suggestion(upload, sample.headers());
        var saved = imports.saved(process.id().value());
        String source = upload.sourceName() != null ? upload.sourceName() : saved.map(ContributionImports.SavedMapping::sourceName).orElse("");
        boolean authorPublic = upload.mapping() != null ? upload.authorLabelPublic()
                : saved.map(ContributionImports.SavedMapping::authorLabelPublic).orElse(false);
        return mappingPage(model, process, upload, sample, mapping, source, authorPublic, saved.isPresent() || upload.mapping() == null,
                Map.of(), null);
    }

    @PostMapping("/import/{uploadId}/check")
    String check(@PathVariable String slug, @PathVariable long uploadId, @AuthenticationPrincipal AgoraUser user,
                 @RequestParam Map<String, String> params, Model model, HttpServletResponse response, Locale locale) {
        ProcessSettings process = imports.importable(slug, user);
        ContributionImports.Upload upload = imports.upload(process, user, uploadId);
        ContributionImports.Sample sample = imports.sample(upload);
        ContributionImportMapping mapping = ContributionImportMapping.fromParams(sample.headers().size(), params);
        String source = params.getOrDefault("sourceName", "").strip();
        boolean authorPublic = "public".equals(params.get("authorLabel"));
        boolean keep = params.containsKey("keepMapping");
        Map<String, String> errors = new LinkedHashMap<>();
        if (source.isEmpty() || source.length() > 200) {
            errors.put("sourceName", message("proposals.import.source.required", locale));
        }
        for (ContributionImportMapping.Problem problem : mapping.problems()) {
            String anchor = problem.column() < 0 ? "column-0" : "column-" + problem.column();
            errors.putIfAbsent(anchor, messages.getMessage(problem.key(),
                    new Object[] {message("proposals.import.field." + problem.field().param(), locale)}, locale));
        }
        if (sample.problemKey() != null || !errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return mappingPage(model, process, upload, sample, mapping, source, authorPublic, keep, errors, locale);
        }
        ContributionImports.Report report = imports.dryRun(process, user, upload, sample.headers(), mapping, source,
                authorPublic, keep);
        if (!report.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return reportPage(model, process, imports.upload(process, user, uploadId), report.rows(), report.problems(),
                report.sameFile(), locale);
    }

    @GetMapping("/import/{uploadId}/problems.csv")
    ResponseEntity<byte[]> problems(@PathVariable String slug, @PathVariable long uploadId,
                                    @AuthenticationPrincipal AgoraUser user, Locale locale) {
        ProcessSettings process = imports.importable(slug, user);
        ContributionImports.Upload upload = imports.upload(process, user, uploadId);
        List<ContributionImports.Problem> problems = imports.recheck(process, upload);
        StringBuilder csv = new StringBuilder("\uFEFF").append(message("proposals.import.report.line", locale)).append(';')
                .append(message("proposals.import.report.column", locale)).append(';')
                .append(message("proposals.import.report.problem", locale)).append("\r\n");
        for (ProblemLine line : lines(problems, locale, Integer.MAX_VALUE)) {
            csv.append(line.line()).append(';').append(quoted(line.column() == null ? "" : line.column())).append(';')
                    .append(quoted(line.message())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-errors.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/import/{uploadId}/commit")
    String commit(@PathVariable String slug, @PathVariable long uploadId, @AuthenticationPrincipal AgoraUser user,
                  Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        ProcessSettings process = imports.importable(slug, user);
        ContributionImports.Upload upload = imports.upload(process, user, uploadId);
        try {
            ContributionImports.Batch batch = imports.commit(process, user, upload);
            redirect.addFlashAttribute("flash", "proposals.import.flash.imported");
            redirect.addFlashAttribute("importedCount", batch.rowCount());
            return "redirect:/admin/processes/" + slug + "/imports";
        } catch (ContributionImports.InvalidImport invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("commitFailed", "proposals.import.commit.failed");
            return reportPage(model, process, upload, 0, invalid.problems(), List.of(), locale);
        } catch (DataIntegrityViolationException concurrent) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("commitFailed", "proposals.import.commit.conflict");
            return reportPage(model, process, upload, 0, List.of(), List.of(), locale);
        } catch (ContributionImports.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("commitFailed", refused.key());
            return reportPage(model, process, upload, 0, List.of(), List.of(), locale);
        }
    }

    @GetMapping("/imports")
    String batches(@PathVariable String slug, @AuthenticationPrincipal AgoraUser user, Model model) {
        ProcessSettings process = imports.importable(slug, user);
        model.addAttribute("process", process);
        model.addAttribute("batches", batchLines(imports.batches(process)));
        return "proposals/import-list";
    }

    // ---- Pages ------------------------------------------------------------------------------------------------------

    private String uploadPage(Model model, ProcessSettings process, String error) {
        model.addAttribute("process", process);
        model.addAttribute("error", error);
        model.addAttribute("receives", ContributionImports.receives(process));
        model.addAttribute("maxRows", ContributionImports.MAX_ROWS);
        return "proposals/import-upload";
    }

    private String mappingPage(Model model, ProcessSettings process, ContributionImports.Upload upload,
                               ContributionImports.Sample sample, ContributionImportMapping mapping, String source,
                               boolean authorPublic, boolean keep, Map<String, String> errors, Locale locale) {
        List<ColumnLine> columns = new ArrayList<>();
        for (int index = 0; index < sample.headers().size(); index++) {
            ContributionImportMapping.Field field = index < mapping.columns().size() ? mapping.columns().get(index) : null;
            columns.add(new ColumnLine(index, sample.headers().get(index), field == null ? "" : field.param(),
                    errors.get("column-" + index)));
        }
        model.addAttribute("process", process);
        model.addAttribute("upload", upload);
        model.addAttribute("sample", sample);
        model.addAttribute("columns", columns);
        model.addAttribute("fields", java.util.Arrays.stream(ContributionImportMapping.Field.values())
                .map(ContributionImportMapping.Field::param).toList());
        model.addAttribute("sourceName", source);
        model.addAttribute("authorPublic", authorPublic);
        model.addAttribute("keepMapping", keep);
        model.addAttribute("errors", errors);
        model.addAttribute("fileError", sample.problemKey());
        return "proposals/import-mapping";
    }

    private String reportPage(Model model, ProcessSettings process, ContributionImports.Upload upload, int rows,
                              List<ContributionImports.Problem> problems, List<ContributionImports.Batch> sameFile,
                              Locale locale) {
        model.addAttribute("process", process);
        model.addAttribute("upload", upload);
        model.addAttribute("rows", rows);
        model.addAttribute("problemCount", problems.size());
        model.addAttribute("problems", lines(problems, locale, PROBLEMS_SHOWN));
        model.addAttribute("problemsShown", PROBLEMS_SHOWN);
        model.addAttribute("sameFile", batchLines(sameFile));
        model.addAttribute("valid", problems.isEmpty() && rows > 0 && !model.containsAttribute("commitFailed"));
        return "proposals/import-report";
    }

    private List<ProblemLine> lines(List<ContributionImports.Problem> problems, Locale locale, int limit) {
        return problems.stream().limit(limit).map(problem -> {
            Object[] args = problem.key().startsWith("proposals.import.mapping.")
                    ? new Object[] {message("proposals.import.field." + problem.args().getFirst(), locale)}
                    : problem.args().toArray();
            return new ProblemLine(problem.line(), problem.column(), messages.getMessage(problem.key(), args, locale));
        }).toList();
    }

    private List<BatchLine> batchLines(List<ContributionImports.Batch> batches) {
        Map<AccountId, java.util.Optional<String>> names = accounts.pseudonyms(batches.stream()
                .map(batch -> new AccountId(batch.importedBy())).collect(java.util.stream.Collectors.toSet()));
        return batches.stream().map(batch -> new BatchLine(batch.id(), batch.sourceName(), batch.fileName(), batch.sha256(),
                names.getOrDefault(new AccountId(batch.importedBy()), java.util.Optional.empty()).orElse(null),
                batch.importedAt().atZone(Clocks.PARIS), batch.rowCount())).toList();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

}
