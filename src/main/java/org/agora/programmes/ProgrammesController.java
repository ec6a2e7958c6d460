package org.agora.programmes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages of the support programmes (calls, retained projects, showcases, figures), the applicants' pages
 * (their organisations' applications, written, completed, submitted, followed) and the reviewers' pages.
 */
@Controller
class ProgrammesController {

    private final Calls calls;
    private final Applicants applicants;
    private final Applications applications;
    private final Reviews reviews;
    private final Decisions decisions;
    private final FollowUps followUps;
    private final ProgrammeCatalog catalog;
    private final TerritoryDirectory territories;

    ProgrammesController(Calls calls, Applicants applicants, Applications applications, Reviews reviews,
                         Decisions decisions, FollowUps followUps, ProgrammeCatalog catalog,
                         TerritoryDirectory territories) {
        this.calls = calls;
        this.applicants = applicants;
        this.applications = applications;
        this.reviews = reviews;
        this.decisions = decisions;
        this.followUps = followUps;
        this.catalog = catalog;
        this.territories = territories;
    }

    /** A retained project as the public sees it: its organisation, territory, call and showcase if published. */
    record PublicProject(long id, String title, String organisation, String territory, String callTitle,
                         boolean showcase) {
    }

    private PublicProject publicProject(Application application) {
        Applicants.Applicant applicant = applicants.find(application.organisationId()).orElseThrow();
        return new PublicProject(application.id(), application.title(), applicant.name(),
                territories.find(applicant.territoryId()).map(TerritoryView::name).orElse(""),
                calls.require(application.callId()).title(),
                followUps.showcase(application.id()).map(FollowUps.Showcase::published).orElse(false));
    }

    @GetMapping("/programmes")
    String index(Model model) {
        model.addAttribute("open", calls.openNow());
        model.addAttribute("upcoming", calls.upcoming());
        model.addAttribute("past", calls.past());
        model.addAttribute("retained", applications.retained().stream().map(this::publicProject).toList());
        model.addAttribute("figures", catalog.figures());
        return "programmes/index";
    }

    @GetMapping("/programmes/appels/{id:\\d{1,18}}")
    String call(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        Call call = calls.require(id);
        model.addAttribute("call", call);
        model.addAttribute("territory", territories.find(call.territoryId()).map(TerritoryView::name).orElse(""));
        model.addAttribute("fields", calls.fields(id));
        model.addAttribute("criteria", calls.criteria(id));
        model.addAttribute("isOpen", call.openAt(calls.now()));
        model.addAttribute("organisations", applicants.of(user));
        model.addAttribute("retained", applications.ofCall(id).stream().filter(Application::retained)
                .map(this::publicProject).toList());
        return "programmes/call";
    }

    @PostMapping("/programmes/appels/{id:\\d{1,18}}/candidater")
    String apply(@PathVariable long id, @RequestParam long organisationId, @AuthenticationPrincipal AgoraUser user) {
        long application = applications.start(user, id, organisationId);
        return "redirect:/programmes/candidatures/" + application;
    }

    @GetMapping("/programmes/projets/{id:\\d{1,18}}")
    String showcase(@PathVariable long id, Model model) {
        FollowUps.Showcase showcase = followUps.showcase(id).filter(FollowUps.Showcase::published)
                .orElseThrow(ProgrammeRefused::notFound);
        Application application = applications.require(id);
        model.addAttribute("project", publicProject(application));
        model.addAttribute("showcase", showcase);
        model.addAttribute("call", calls.require(application.callId()));
        return "programmes/showcase";
    }

    // ----- Applicants -------------------------------------------------------------------------------------------------

    @GetMapping("/programmes/candidatures")
    String mine(@AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        List<Applicants.Applicant> organisations = applicants.of(user);
        model.addAttribute("organisations", organisations);
        model.addAttribute("applications", applications.ofOrganisations(organisations.stream()
                .map(Applicants.Applicant::organisationId).toList()).stream()
                .map(application -> new Listed(application, calls.require(application.callId()))).toList());
        model.addAttribute("assigned", reviews.assignedTo(user).stream()
                .map(application -> new Listed(application, calls.require(application.callId()))).toList());
        return "programmes/mine";
    }

    record Listed(Application application, Call call) {
    }

    @GetMapping("/programmes/candidatures/{id:\\d{1,18}}")
    String application(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        Application application = applications.readable(user, id);
        boolean member = applications.isMember(user, application);
        if (!member && !Rows.isStaff(user)) {
            return "redirect:/programmes/evaluations/" + id;
        }
        return page(application, user, model, Map.of(), null);
    }

    private String page(Application application, AgoraUser user, Model model, Map<String, String> err,
                        Map<String, String> typed) {
        Call call = calls.require(application.callId());
        List<CallField> fields = calls.fields(call.id());
        Map<Long, String> answers = applications.answers(application.id());
        Map<String, String> values = new HashMap<>();
        for (CallField field : fields) {
            values.put(field.name(), Applications.shown(field, answers.get(field.id())));
        }
        values.put("title", application.title());
        values.put("eligibleCost", Money.typed(application.eligibleCostCents()));
        if (typed != null) {
            values.putAll(typed);
        }
        model.addAttribute("candidature", application);
        model.addAttribute("call", call);
        model.addAttribute("applicant", applicants.find(application.organisationId()).orElseThrow());
        model.addAttribute("fields", fields);
        model.addAttribute("values", values);
        model.addAttribute("files", applications.files(application.id()));
        model.addAttribute("messages", applications.messages(application.id()));
        model.addAttribute("missing", application.editable() ? applications.missing(application, call) : Map.of());
        model.addAttribute("member", applications.isMember(user, application));
        model.addAttribute("reports", followUps.reports(application.id()));
        model.addAttribute("err", err);
        model.addAttribute("maxMegabytes", Applications.MAX_BYTES / (1024 * 1024));
        return "programmes/application";
    }

    /** The background save of the draft as it is typed (programme-autosave.js): no page, a status. */
    @PostMapping(path = "/programmes/candidatures/{id:\\d{1,18}}", headers = "X-Autosave")
    ResponseEntity<Void> autosave(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                                  @RequestParam Map<String, String> form) {
        Map<String, String> problems = applications.save(user, id, form.get("title"), form.get("eligibleCost"), form);
        return problems.isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.badRequest().build();
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}")
    String save(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam Map<String, String> form,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> problems = applications.save(user, id, form.get("title"), form.get("eligibleCost"), form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(applications.require(id), user, model, problems, form);
        }
        redirect.addFlashAttribute("done", "programmes.application.saved");
        return "redirect:/programmes/candidatures/" + id;
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/soumettre")
    String submit(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            applications.submit(user, id);
        } catch (ProgrammeRefused refused) {
            if (refused.status().value() != HttpServletResponse.SC_CONFLICT) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", refused.key());
            return page(applications.require(id), user, model, Map.of(), null);
        }
        redirect.addFlashAttribute("done", "programmes.application.submitted");
        return "redirect:/programmes/candidatures/" + id;
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/retirer")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        applications.withdraw(user, id);
        redirect.addFlashAttribute("done", "programmes.application.withdrawn");
        return "redirect:/programmes/candidatures/" + id;
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/pieces")
    String attach(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam String slot,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Optional<String> problem = applications.attach(user, id, slot, upload(file));
        if (problem.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(applications.require(id), user, model, Map.of("file-" + slot, problem.get()), null);
        }
        redirect.addFlashAttribute("done", "programmes.application.file.added");
        return "redirect:/programmes/candidatures/" + id + "#pieces";
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/pieces/{file:\\d{1,18}}/supprimer")
    String removeFile(@PathVariable long id, @PathVariable long file, @AuthenticationPrincipal AgoraUser user,
                      RedirectAttributes redirect) {
        applications.removeFile(user, id, file);
        redirect.addFlashAttribute("done", "programmes.application.file.removed");
        return "redirect:/programmes/candidatures/" + id + "#pieces";
    }

    @GetMapping("/programmes/candidatures/{id:\\d{1,18}}/pieces/{file:\\d{1,18}}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long file,
                                    @AuthenticationPrincipal AgoraUser user) {
        applications.readable(user, id);
        Applications.FileContent content = applications.file(id, file).orElseThrow(ProgrammeRefused::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content.data());
    }

    @GetMapping("/programmes/candidatures/{id:\\d{1,18}}/decision.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, @AuthenticationPrincipal AgoraUser user) {
        Rows.requireSignedIn(user);
        byte[] pdf = decisions.letterFor(user, id).orElseThrow(ProgrammeRefused::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("decision-" + id + ".pdf").build().toString()).body(pdf);
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/messages")
    String post(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String text,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            applications.post(user, id, text);
        } catch (ProgrammeRefused refused) {
            if (refused.status().value() != HttpServletResponse.SC_BAD_REQUEST) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(applications.readable(user, id), user, model, Map.of("text", refused.key()), null);
        }
        redirect.addFlashAttribute("done", "programmes.application.message.sent");
        return Rows.isStaff(user) && !applications.isMember(user, applications.require(id))
                ? "redirect:/admin/programmes/candidatures/" + id + "#messages"
                : "redirect:/programmes/candidatures/" + id + "#messages";
    }

    @PostMapping("/programmes/candidatures/{id:\\d{1,18}}/rapports")
    String report(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String reportText,
                  @RequestParam(name = "deliverable", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        Map<String, String> problems = followUps.report(user, id, kind, reportText, upload(file));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(applications.require(id), user, model, problems, Map.of("reportText", reportText));
        }
        redirect.addFlashAttribute("done", "programmes.grant.report.sent");
        return "redirect:/programmes/candidatures/" + id + "#rapports";
    }

    static Applications.Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (var in = file.getInputStream()) {
            return new Applications.Upload(file.getOriginalFilename(), in.readNBytes(Applications.MAX_BYTES + 1));
        }
    }

    // ----- Reviewers ------------------------------------------------------------------------------------------------

    @GetMapping("/programmes/evaluations/{id:\\d{1,18}}")
    String review(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        return reviewPage(id, user, model, Map.of(), Map.of());
    }

    private String reviewPage(long id, AgoraUser user, Model model, Map<String, String> err, Map<String, String> typed) {
        Reviews.Reviewer reviewer = reviews.reviewer(id, user).orElseThrow(ProgrammeRefused::notFound);
        Application application = applications.require(id);
        Call call = calls.require(application.callId());
        List<CallField> fields = calls.fields(call.id());
        Map<Long, String> answers = applications.answers(id);
        Map<String, String> shown = new LinkedHashMap<>();
        fields.stream().filter(field -> !field.file()).forEach(field ->
                shown.put(field.label(), Applications.shown(field, answers.get(field.id()))));
        Map<Long, Reviews.Score> scores = reviews.scoresOf(id, user.id().value());
        Map<String, String> values = new HashMap<>();
        scores.forEach((criterion, score) -> {
            values.put("score-" + criterion, Integer.toString(score.score()));
            values.put("comment-" + criterion, score.comment());
        });
        values.putAll(typed);
        model.addAttribute("candidature", application);
        model.addAttribute("call", call);
        model.addAttribute("applicant", applicants.find(application.organisationId()).orElseThrow());
        model.addAttribute("answers", shown);
        model.addAttribute("files", applications.files(id));
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("criteria", calls.criteria(call.id()));
        model.addAttribute("values", values);
        model.addAttribute("scored", !scores.isEmpty());
        model.addAttribute("err", err);
        return "programmes/review";
    }

    @PostMapping("/programmes/evaluations/{id:\\d{1,18}}/conflit")
    String declare(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam boolean conflict,
                   RedirectAttributes redirect) {
        reviews.declare(user, id, conflict);
        redirect.addFlashAttribute("done", conflict ? "programmes.review.conflict.declared" : "programmes.review.conflict.none");
        return "redirect:/programmes/evaluations/" + id;
    }

    @PostMapping("/programmes/evaluations/{id:\\d{1,18}}/notes")
    String score(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam Map<String, String> form,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<Long, String> scores = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.matches("score-\\d{1,18}")) {
                scores.put(Long.parseLong(name.substring(6)), value);
            } else if (name.matches("comment-\\d{1,18}")) {
                comments.put(Long.parseLong(name.substring(8)), value);
            }
        });
        Map<String, String> problems = reviews.score(user, id, scores, comments);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return reviewPage(id, user, model, problems, form);
        }
        redirect.addFlashAttribute("done", "programmes.review.scored");
        return "redirect:/programmes/evaluations/" + id;
    }
}
