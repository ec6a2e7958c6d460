package org.agora.meetings;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessCatalog;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.processes.PublicProcess;
import org.agora.proposals.PaperContributions;
import org.agora.proposals.PaperErrors;
import org.agora.proposals.PaperForm;
import org.agora.proposals.ProposalCatalog;
import org.agora.shared.Clocks;
import org.agora.shared.ResourceRef;
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
 * Proposals gathered on paper at a meeting (a Fabrik...), typed in by those who manage the meeting: the proposals'
 * bulk form and CSV import, with the meeting as the collection, into the meeting's process (or one chosen among the
 * published processes when the meeting has none), the meeting's territory by default.
 */
@Controller
@RequestMapping("/meetings/{id:\\d{1,18}}/proposals/paper")
class MeetingPaperController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final MeetingManagement management;
    private final PaperContributions contributions;
    private final ProcessRules processes;
    private final ProcessCatalog catalog;
    private final MessageSource messages;

    MeetingPaperController(MeetingManagement management, PaperContributions contributions, ProcessRules processes,
                           ProcessCatalog catalog, MessageSource messages) {
        this.management = management;
        this.contributions = contributions;
        this.processes = processes;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(required = false) String process,
                @AuthenticationPrincipal AgoraUser user, Model model, HttpServletResponse response) {
        Meeting meeting = managed(user, id);
        ProcessSettings chosen = process(meeting, process);
        if (chosen == null) {
            if (process != null && !process.isBlank()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("processError", true);
            }
            return choose(model, meeting);
        }
        return page(model, meeting, chosen, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE);
    }

    @PostMapping
    String record(@PathVariable long id, @RequestParam(required = false) String process,
                  @AuthenticationPrincipal AgoraUser user, @RequestParam Map<String, String> params, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Meeting meeting = managed(user, id);
        ProcessSettings chosen = required(meeting, process);
        PaperForm form = PaperForm.from(params);
        if (params.containsKey("more")) {
            return page(model, meeting, chosen, user, form.withMoreRows(), PaperErrors.NONE);
        }
        try {
            contributions.record(chosen.id(), user, collection(meeting), form.proposals());
            redirect.addFlashAttribute("flash", "proposals.paper.flash.recorded");
            return "redirect:/meetings/" + id;
        } catch (PaperContributions.InvalidBatch invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, meeting, chosen, user, form,
                    PaperErrors.of(invalid.problems(), form.blockNumbers(), messages, locale));
        }
    }

    /** The CSV is checked first (dry run), then imported when confirmed; the file travels in a hidden field. */
    @PostMapping("/csv")
    String csv(@PathVariable long id, @RequestParam(required = false) String process,
               @AuthenticationPrincipal AgoraUser user,
               @RequestParam(name = "file", required = false) MultipartFile file,
               @RequestParam(name = "csvData", required = false) String csvData,
               @RequestParam(name = "confirm", required = false) String confirm,
               Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) throws IOException {
        Meeting meeting = managed(user, id);
        ProcessSettings chosen = required(meeting, process);
        byte[] bytes = PaperContributions.csvBytes(file, csvData);
        if (bytes.length == 0) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("csvErrors", PaperErrors.of(
                    List.of(new PaperContributions.PaperProblem(0, "file", "proposals.paper.csv.missing")), List.of(),
                    messages, locale));
            return page(model, meeting, chosen, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE);
        }
        try {
            if (confirm != null) {
                contributions.importCsv(chosen.id(), user, collection(meeting), bytes);
                redirect.addFlashAttribute("flash", "proposals.paper.flash.recorded");
                return "redirect:/meetings/" + id;
            }
            PaperContributions.CsvPreview preview = contributions.previewCsv(chosen.id(), user, collection(meeting), bytes);
            if (!preview.valid()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("preview", preview);
            model.addAttribute("csvData", Base64.getEncoder().encodeToString(bytes));
            model.addAttribute("csvProblems", lines(preview.problems(), locale));
        } catch (PaperContributions.InvalidCsv invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("csvProblems", lines(invalid.problems(), locale));
        }
        return page(model, meeting, chosen, user, PaperForm.blank(PaperForm.ROWS), PaperErrors.NONE);
    }

    /** A CSV problem as the page lists it. */
    record CsvLine(int line, String column, String message) {
    }

    /** The collection a meeting is: « Fabrik de Vierzon — 14 mars 2026 », linking to the meeting's page. */
    static PaperContributions.Collection collection(Meeting meeting) {
        return new PaperContributions.Collection(new ResourceRef("meeting", meeting.id()),
                label(meeting), "/meetings/" + meeting.id(), meeting.territoryId());
    }

    static String label(Meeting meeting) {
        String day = DAY.format(meeting.startsAt().atZone(Clocks.PARIS));
        String title = meeting.title().length() > 200 - day.length() - 3
                ? meeting.title().substring(0, 200 - day.length() - 4) + "…" : meeting.title();
        return title + " — " + day;
    }

    private Meeting managed(AgoraUser user, long id) {
        if (user == null) {
            throw new AccessDeniedException("Sign in to record paper proposals");
        }
        return management.managed(user, id);
    }

    /** The meeting's process, or the published process chosen for a meeting without one; null when none fits. */
    private ProcessSettings process(Meeting meeting, String chosen) {
        if (meeting.processId() != null) {
            ProcessSettings own = processes.byId(new ProcessId(meeting.processId())).orElseThrow(MeetingRefused::notFound);
            if (!contributions.accepts(own.id())) {
                throw MeetingRefused.conflict("proposals.paper.refused");
            }
            return own;
        }
        Long processId = MeetingController.positive(chosen);
        return processId == null ? null : processes.byId(new ProcessId(processId))
                .filter(found -> contributions.accepts(found.id())).orElse(null);
    }

    private ProcessSettings required(Meeting meeting, String chosen) {
        ProcessSettings process = process(meeting, chosen);
        if (process == null) {
            throw new MeetingRefused("meetings.paper.process.required", org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return process;
    }

    private List<CsvLine> lines(List<PaperContributions.CsvProblem> problems, Locale locale) {
        return problems.stream().map(problem -> new CsvLine(problem.line(), problem.column(),
                messages.getMessage(problem.key(), null, locale))).toList();
    }


    private String choose(Model model, Meeting meeting) {
        List<PublicProcess> open = new ArrayList<>(catalog.allPublic().stream()
                .filter(found -> !found.closed() && contributions.accepts(found.id())).toList());
        model.addAttribute("meeting", meeting);
        model.addAttribute("processes", open);
        return "meetings/paper-process";
    }

    private String page(Model model, Meeting meeting, ProcessSettings process, AgoraUser user, PaperForm form,
                        PaperErrors errors) {
        String base = "/meetings/" + meeting.id() + "/proposals/paper";
        String query = meeting.processId() == null ? "?process=" + process.id().value() : "";
        model.addAttribute("meeting", meeting);
        model.addAttribute("collectionLabel", label(meeting));
        model.addAttribute("process", process);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("bulkAction", base + query);
        model.addAttribute("csvAction", base + "/csv" + query);
        model.addAttribute("csvForm", new CsvForm("", ""));
        if (!model.containsAttribute("csvErrors")) {
            model.addAttribute("csvErrors", PaperErrors.NONE);
        }
        model.addAttribute("territories", contributions.territoryChoices(user, process.id()));
        model.addAttribute("maxRows", PaperContributions.CSV_MAX_ROWS);
        return "meetings/paper";
    }

    /** The fragment's hand-typed collection, unused here: the meeting names the collection. */
    record CsvForm(String label, String territory) {
    }
}
