package org.agora.accountability;

import java.nio.charset.StandardCharsets;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The CSV exports of a process's proposals: public (no personal data) and for its staff (complete). */
@RestController
class ProposalExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ProposalExport export;
    private final BreakdownController pages;
    private final EvaluationRights rights;

    ProposalExportController(ProposalExport export, BreakdownController pages, EvaluationRights rights) {
        this.export = export;
        this.pages = pages;
        this.rights = rights;
    }

    @GetMapping("/processes/{slug}/suites/proposals.csv")
    ResponseEntity<byte[]> publicCsv(@PathVariable String slug) {
        ProcessSettings process = pages.process(slug);
        return file(process.slug() + "-propositions.csv",
                export.publicCsv(process, LocaleContextHolder.getLocale().getLanguage()));
    }

    @GetMapping("/admin/processes/{id}/proposals.csv")
    ResponseEntity<byte[]> staffCsv(@PathVariable long id, @AuthenticationPrincipal AgoraUser user) {
        ProcessSettings process = rights.requireEvaluator(user, id);
        return file(process.slug() + "-propositions-equipe.csv",
                export.staffCsv(process, LocaleContextHolder.getLocale().getLanguage()));
    }

    private static ResponseEntity<byte[]> file(String name, String csv) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
