package org.agora.meetings;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessCatalog;
import org.agora.shared.Clocks;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managing meetings: staff and administrators everything, facilitators their Fabriks (object-level checks in
 * {@link MeetingManagement}); series are for staff only.
 */
@Controller
@RequestMapping("/admin/meetings")
class MeetingAdminController {

    private static final String ID = "/{id:\\d{1,18}}";

    private final MeetingManagement management;
    private final Meetings meetings;
    private final Registrations registrations;
    private final MeetingViews views;
    private final MeetingLinks links;
    private final TerritoryDirectory territories;
    private final ProcessCatalog processes;

    MeetingAdminController(MeetingManagement management, Meetings meetings, Registrations registrations,
                           MeetingViews views, MeetingLinks links, TerritoryDirectory territories,
                           ProcessCatalog processes) {
        this.management = management;
        this.meetings = meetings;
        this.registrations = registrations;
        this.views = views;
        this.links = links;
        this.territories = territories;
        this.processes = processes;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AgoraUser user, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String page, Model model) {
        MeetingStatus chosenStatus = parse(MeetingStatus.class, status);
        MeetingKind chosenKind = MeetingManagement.isStaff(user) ? parse(MeetingKind.class, kind) : MeetingKind.FABRIK;
        Long pageNumber = MeetingController.positive(page);
        int chosenPage = pageNumber == null ? 1 : (int) Math.min(pageNumber, 10_000);
        Meetings.Page results = meetings.listAll(new Meetings.Filter(management.managedTerritories(user), chosenKind,
                null, null, null, null, false), chosenStatus, chosenPage - 1, MeetingController.PAGE_SIZE);
        model.addAttribute("meetings", views.cards(results.meetings()));
        model.addAttribute("total", results.total());
        model.addAttribute("totalPages", (int) ((results.total() + MeetingController.PAGE_SIZE - 1) / MeetingController.PAGE_SIZE));
        model.addAttribute("page", chosenPage);
        model.addAttribute("statuses", MeetingStatus.values());
        model.addAttribute("status", chosenStatus);
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("kind", chosenKind);
        model.addAttribute("staff", MeetingManagement.isStaff(user));
        return "meetings/admin-list";
    }

    // ---- Meetings --------------------------------------------------------------------------------------------------

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal AgoraUser user, Model model) {
        MeetingForm form = MeetingForm.empty("");
        if (!MeetingManagement.isStaff(user)) {
            form = new MeetingForm("", "FABRIK", "IN_PERSON", "", "", "", "", "", "", "", "", "", user.pseudonym(),
                    false, "", true, "", "");
        }
        return form(model, user, form, Map.of(), null);
    }

    @PostMapping
    String create(@AuthenticationPrincipal AgoraUser user, @ModelAttribute MeetingForm form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        MeetingManagement.Checked checked = management.check(form);
        if (!checked.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, user, form, checked.problems(), null);
        }
        long id = management.create(user, checked.details());
        redirect.addFlashAttribute("flash", "meetings.admin.flash.created");
        return "redirect:/admin/meetings/" + id;
    }

    @GetMapping(ID)
    String edit(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Meeting meeting = management.managed(user, id);
        return form(model, user, management.formOf(meeting), Map.of(), meeting);
    }

    @PostMapping(ID)
    String update(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute MeetingForm form,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Meeting meeting = management.managed(user, id);
        MeetingManagement.Checked checked = management.check(form);
        if (!checked.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, user, form, checked.problems(), meeting);
        }
        management.update(user, id, checked.details());
        redirect.addFlashAttribute("flash", "meetings.admin.flash.saved");
        return "redirect:/admin/meetings/" + id;
    }

    @PostMapping(ID + "/publish")
    String publish(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.publish(user, id);
        redirect.addFlashAttribute("flash", "meetings.admin.flash.published");
        return "redirect:/admin/meetings/" + id;
    }

    @PostMapping(ID + "/cancel")
    String cancel(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, RedirectAttributes redirect) {
        management.cancel(user, id);
        redirect.addFlashAttribute("flash", "meetings.admin.flash.cancelled");
        return "redirect:/admin/meetings/" + id;
    }

    @PostMapping(ID + "/questions")
    String addQuestion(@AuthenticationPrincipal AgoraUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String label,
                       @RequestParam(defaultValue = "false") boolean required,
                       @RequestParam(defaultValue = "") String options, RedirectAttributes redirect) {
        management.managed(user, id);
        QuestionKind chosen = parse(QuestionKind.class, kind);
        String problem = chosen == null ? "meetings.question.kind.invalid"
                : label.isBlank() || label.strip().length() > 300 ? "meetings.question.label.length"
                : chosen.hasOptions() && Question.parseOptions(options).size() < 2 ? "meetings.question.options.few" : null;
        if (problem != null) {
            redirect.addFlashAttribute("flashError", problem);
        } else {
            management.addQuestion(user, id, chosen, label.strip(), required, options);
            redirect.addFlashAttribute("flash", "meetings.admin.flash.question");
        }
        return "redirect:/admin/meetings/" + id + "#questions";
    }

    @PostMapping(ID + "/questions/{questionId:\\d{1,18}}/{action:delete|up|down}")
    String changeQuestion(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @PathVariable long questionId,
                          @PathVariable String action) {
        if ("delete".equals(action)) {
            management.removeQuestion(user, id, questionId);
        } else {
            management.moveQuestion(user, id, questionId, "up".equals(action));
        }
        return "redirect:/admin/meetings/" + id + "#questions";
    }

    @GetMapping(ID + "/registrations")
    String registrations(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        Meeting meeting = management.managed(user, id);
        model.addAttribute("meeting", views.card(meeting));
        model.addAttribute("questions", meetings.questions(id));
        model.addAttribute("registrations", registrations.ofMeeting(id));
        model.addAttribute("answers", registrations.answers(id));
        return "meetings/admin-registrations";
    }

    @GetMapping(ID + "/registrations.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AgoraUser user, @PathVariable long id) {
        management.managed(user, id);
        List<Question> questions = meetings.questions(id);
        Map<Long, Map<Long, String>> answers = registrations.answers(id);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.PARIS);
        StringBuilder csv = new StringBuilder("\uFEFFcode;status;name;email;registered_at;accessibility_needs");
        questions.forEach(question -> csv.append(';').append(cell(question.label())));
        csv.append("\r\n");
        for (Registration registration : registrations.ofMeeting(id)) {
            csv.append(registration.code()).append(';').append(registration.status()).append(';')
                    .append(cell(registration.name())).append(';').append(cell(registration.email())).append(';')
                    .append(time.format(registration.createdAt())).append(';')
                    .append(cell(registration.accessibilityNeeds()));
            Map<Long, String> given = answers.getOrDefault(registration.id(), Map.of());
            questions.forEach(question -> csv.append(';').append(cell(given.get(question.id()))));
            csv.append("\r\n");
        }
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + "-registrations.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- Series ----------------------------------------------------------------------------------------------------

    @GetMapping("/series")
    String series(@AuthenticationPrincipal AgoraUser user, Model model) {
        MeetingManagement.requireStaff(user);
        model.addAttribute("seriesList", meetings.allSeries());
        return "meetings/admin-series-list";
    }

    @GetMapping("/series/new")
    String newSeries(@AuthenticationPrincipal AgoraUser user, Model model) {
        MeetingManagement.requireStaff(user);
        return seriesForm(model, new SeriesForm("CITIZEN_TOUR", "", "", ""), Map.of(), null);
    }

    @PostMapping("/series")
    String createSeries(@AuthenticationPrincipal AgoraUser user, @ModelAttribute SeriesForm form, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        MeetingManagement.requireStaff(user);
        Map<String, String> problems = MeetingManagement.checkSeries(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return seriesForm(model, form, problems, null);
        }
        management.createSeries(user, form);
        redirect.addFlashAttribute("flash", "meetings.admin.flash.saved");
        return "redirect:/admin/meetings/series";
    }

    @GetMapping("/series" + ID)
    String editSeries(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, Model model) {
        MeetingManagement.requireStaff(user);
        Series series = meetings.series(id).orElseThrow(MeetingRefused::notFound);
        return seriesForm(model, SeriesForm.of(series), Map.of(), series);
    }

    @PostMapping("/series" + ID)
    String updateSeries(@AuthenticationPrincipal AgoraUser user, @PathVariable long id, @ModelAttribute SeriesForm form,
                        Model model, RedirectAttributes redirect, HttpServletResponse response) {
        MeetingManagement.requireStaff(user);
        Series series = meetings.series(id).orElseThrow(MeetingRefused::notFound);
        Map<String, String> problems = MeetingManagement.checkSeries(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return seriesForm(model, form, problems, series);
        }
        management.updateSeries(user, id, form);
        redirect.addFlashAttribute("flash", "meetings.admin.flash.saved");
        return "redirect:/admin/meetings/series";
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    private String form(Model model, AgoraUser user, MeetingForm form, Map<String, String> problems, Meeting meeting) {
        boolean staff = MeetingManagement.isStaff(user);
        Set<Long> allowed = management.managedTerritories(user);
        List<TerritoryView> choices = territories.scopes().stream()
                .filter(territory -> allowed == null || allowed.contains(territory.id())).toList();
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("fields", MeetingForm.FIELDS);
        model.addAttribute("meeting", meeting == null ? null : views.card(meeting));
        model.addAttribute("kinds", staff ? List.of(MeetingKind.values()) : List.of(MeetingKind.FABRIK));
        model.addAttribute("formats", MeetingFormat.values());
        model.addAttribute("territories", choices);
        model.addAttribute("processes", processes.allPublic());
        model.addAttribute("seriesList", meetings.allSeries());
        model.addAttribute("questionKinds", QuestionKind.values());
        if (meeting != null) {
            model.addAttribute("questions", meetings.questions(meeting.id()));
            model.addAttribute("invitationUrl", meeting.invitationOnly()
                    ? links.page(meeting) + "?invitation=" + meeting.invitationToken() : null);
        }
        return "meetings/admin-form";
    }

    private String seriesForm(Model model, SeriesForm form, Map<String, String> problems, Series series) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("series", series);
        model.addAttribute("kinds", SeriesKind.values());
        model.addAttribute("processes", processes.allPublic());
        return "meetings/admin-series";
    }

    /** A CSV cell: quoted, inner quotes doubled, and a leading formula character neutralised for spreadsheets. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("(?s)[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
