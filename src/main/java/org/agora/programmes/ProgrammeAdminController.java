package org.agora.programmes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AgoraUser;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
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

/** Staff pages: the dashboard, calls and their forms and grids, applicants, and each application's whole course. */
@Controller
@RequestMapping("/admin/programmes")
class ProgrammeAdminController {

    private final Calls calls;
    private final Applicants applicants;
    private final Applications applications;
    private final Reviews reviews;
    private final Decisions decisions;
    private final Grants grants;
    private final Accompaniments accompaniments;
    private final FollowUps followUps;
    private final ProgrammeCatalog catalog;
    private final TerritoryDirectory territories;

    ProgrammeAdminController(Calls calls, Applicants applicants, Applications applications, Reviews reviews,
                             Decisions decisions, Grants grants, Accompaniments accompaniments, FollowUps followUps,
                             ProgrammeCatalog catalog, TerritoryDirectory territories) {
        this.calls = calls;
        this.applicants = applicants;
        this.applications = applications;
        this.reviews = reviews;
        this.decisions = decisions;
        this.grants = grants;
        this.accompaniments = accompaniments;
        this.followUps = followUps;
        this.catalog = catalog;
        this.territories = territories;
    }

    /** Every page here is for staff: others get a 403 before anything is read. */
    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal AgoraUser user) {
        Rows.requireStaff(user);
    }

    record CallRow(Call call, long received, long retained, Grants.Totals totals) {
    }

    @GetMapping
    String dashboard(Model model) {
        model.addAttribute("figures", catalog.figures());
        model.addAttribute("calls", calls.all().stream().map(call -> {
            List<Application> all = applications.ofCall(call.id());
            return new CallRow(call, all.stream().filter(a -> a.status().received()).count(),
                    all.stream().filter(Application::retained).count(), grants.ofCall(call.id()));
        }).toList());
        model.addAttribute("years", grants.perYear());
        return "programmes/admin";
    }

    // ----- Calls ----------------------------------------------------------------------------------------------------

    private String callForm(Long id, CallForm form, Map<String, String> err, Model model) {
        model.addAttribute("callId", id);
        model.addAttribute("form", form);
        model.addAttribute("err", err);
        model.addAttribute("kinds", CallKind.values());
        model.addAttribute("applicantKinds", ApplicantKind.values());
        model.addAttribute("scopes", territories.scopes());
        return "programmes/admin-call-form";
    }

    @GetMapping("/appels/nouveau")
    String newCall(Model model) {
        long region = territories.scopes().stream().findFirst().map(TerritoryView::id).orElse(0L);
        return callForm(null, CallForm.blank(region), Map.of(), model);
    }

    @PostMapping("/appels")
    String create(@AuthenticationPrincipal AgoraUser user, CallForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Map<String, String> problems = calls.problems(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return callForm(null, form, problems, model);
        }
        long id = calls.create(user, form.check());
        redirect.addFlashAttribute("done", "programmes.call.created");
        return "redirect:/admin/programmes/appels/" + id;
    }

    @GetMapping("/appels/{id:\\d{1,18}}/modifier")
    String editCall(@PathVariable long id, Model model) {
        return callForm(id, CallForm.of(calls.require(id)), Map.of(), model);
    }

    @PostMapping("/appels/{id:\\d{1,18}}")
    String update(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, CallForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        calls.require(id);
        Map<String, String> problems = calls.problems(form);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return callForm(id, form, problems, model);
        }
        calls.update(user, id, form.check());
        redirect.addFlashAttribute("done", "programmes.call.saved");
        return "redirect:/admin/programmes/appels/" + id;
    }

    @GetMapping("/appels/{id:\\d{1,18}}")
    String call(@PathVariable long id, Model model) {
        return callPage(id, model, Map.of());
    }

    private String callPage(long id, Model model, Map<String, String> err) {
        Call call = calls.require(id);
        model.addAttribute("call", call);
        model.addAttribute("territory", territories.find(call.territoryId()).map(TerritoryView::name).orElse(""));
        model.addAttribute("fields", calls.fields(id));
        model.addAttribute("fieldKinds", FieldKind.values());
        model.addAttribute("criteria", calls.criteria(id));
        model.addAttribute("ranking", reviews.ranking(id).stream().map(ranked -> new RankedRow(ranked,
                applicants.find(ranked.application().organisationId()).map(Applicants.Applicant::name).orElse("")))
                .toList());
        model.addAttribute("drafts", applications.ofCall(id).stream().filter(a -> !a.status().received()).count());
        model.addAttribute("totals", grants.ofCall(id));
        model.addAttribute("err", err);
        return "programmes/admin-call";
    }

    record RankedRow(Reviews.Ranked ranked, String organisation) {
    }

    @PostMapping("/appels/{id:\\d{1,18}}/champs")
    String addField(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                    @RequestParam(defaultValue = "") String fieldKind, @RequestParam(defaultValue = "") String fieldLabel,
                    @RequestParam(defaultValue = "") String fieldHelp, @RequestParam(defaultValue = "false") boolean fieldRequired,
                    @RequestParam(defaultValue = "") String fieldChoices, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        Optional<Map<String, String>> problems = calls.addField(user, id, fieldKind, fieldLabel, fieldHelp, fieldRequired,
                fieldChoices);
        if (problems.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("fieldForm", Map.of("fieldKind", fieldKind, "fieldLabel", fieldLabel, "fieldHelp", fieldHelp,
                    "fieldChoices", fieldChoices));
            return callPage(id, model, problems.get());
        }
        redirect.addFlashAttribute("done", "programmes.call.field.added");
        return "redirect:/admin/programmes/appels/" + id + "#formulaire";
    }

    @PostMapping("/appels/{id:\\d{1,18}}/champs/{field:\\d{1,18}}/supprimer")
    String removeField(@PathVariable long id, @PathVariable long field, @AuthenticationPrincipal AgoraUser user,
                       RedirectAttributes redirect) {
        calls.removeField(user, id, field);
        redirect.addFlashAttribute("done", "programmes.call.field.removed");
        return "redirect:/admin/programmes/appels/" + id + "#formulaire";
    }

    @PostMapping("/appels/{id:\\d{1,18}}/champs/{field:\\d{1,18}}/monter")
    String moveField(@PathVariable long id, @PathVariable long field, @AuthenticationPrincipal AgoraUser user) {
        calls.moveFieldUp(user, id, field);
        return "redirect:/admin/programmes/appels/" + id + "#formulaire";
    }

    @PostMapping("/appels/{id:\\d{1,18}}/criteres")
    String weigh(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, @RequestParam Map<String, String> form,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<Long, String> weights = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.matches("weight-\\d{1,18}")) {
                weights.put(Long.parseLong(name.substring(7)), value);
            }
        });
        if (!calls.weigh(user, id, weights)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return callPage(id, model, Map.of("weights", "programmes.review.error.weights"));
        }
        redirect.addFlashAttribute("done", "programmes.review.weights.saved");
        return "redirect:/admin/programmes/appels/" + id + "#grille";
    }

    // ----- Applicants -----------------------------------------------------------------------------------------------

    @GetMapping("/candidats")
    String applicantsPage(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("found", applicants.searchRegistry(q));
        model.addAttribute("applicants", applicants.all().stream().map(applicant -> new ApplicantRow(applicant,
                applicants.members(applicant.organisationId()))).toList());
        model.addAttribute("applicantKinds", ApplicantKind.values());
        return "programmes/admin-applicants";
    }

    record ApplicantRow(Applicants.Applicant applicant, List<Applicants.Member> members) {
    }

    @PostMapping("/candidats")
    String register(@AuthenticationPrincipal AgoraUser user, @RequestParam long organisationId,
                    @RequestParam ApplicantKind kind, RedirectAttributes redirect) {
        applicants.register(user, organisationId, kind);
        redirect.addFlashAttribute("done", "programmes.application.applicant.registered");
        return "redirect:/admin/programmes/candidats";
    }

    @PostMapping("/candidats/{organisation:\\d{1,18}}/membres")
    String addMember(@PathVariable long organisation, @AuthenticationPrincipal AgoraUser user,
                     @RequestParam(defaultValue = "") String email, RedirectAttributes redirect,
                     HttpServletResponse response, Model model) {
        if (!applicants.addMember(user, organisation, email)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "programmes.application.applicant.unknownAccount");
            return applicantsPage("", model);
        }
        redirect.addFlashAttribute("done", "programmes.application.applicant.memberAdded");
        return "redirect:/admin/programmes/candidats";
    }

    @PostMapping("/candidats/{organisation:\\d{1,18}}/membres/{account:\\d{1,18}}/retirer")
    String removeMember(@PathVariable long organisation, @PathVariable long account,
                        @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        applicants.removeMember(user, organisation, account);
        redirect.addFlashAttribute("done", "programmes.application.applicant.memberRemoved");
        return "redirect:/admin/programmes/candidats";
    }

    // ----- One application ------------------------------------------------------------------------------------------

    @GetMapping("/candidatures/{id:\\d{1,18}}")
    String application(@PathVariable long id, Model model) {
        return applicationPage(id, model, Map.of(), Map.of());
    }

    private String applicationPage(long id, Model model, Map<String, String> err, Map<String, String> typed) {
        Application application = applications.require(id);
        Call call = calls.require(application.callId());
        List<CallField> fields = calls.fields(call.id());
        Map<Long, String> answers = applications.answers(id);
        model.addAttribute("candidature", application);
        model.addAttribute("call", call);
        model.addAttribute("applicant", applicants.find(application.organisationId()).orElseThrow());
        model.addAttribute("fields", fields);
        Map<Long, String> shown = new HashMap<>();
        fields.forEach(field -> shown.put(field.id(), Applications.shown(field, answers.get(field.id()))));
        model.addAttribute("answers", shown);
        model.addAttribute("files", applications.files(id));
        model.addAttribute("messages", applications.messages(id));
        List<Reviews.Reviewer> reviewers = reviews.reviewers(id);
        model.addAttribute("reviewers", reviewers);
        List<Criterion> criteria = calls.criteria(call.id());
        model.addAttribute("criteria", criteria);
        Map<Long, Map<Long, Reviews.Score>> sheets = new HashMap<>();
        reviewers.forEach(reviewer -> sheets.put(reviewer.accountId(), reviews.scoresOf(id, reviewer.accountId())));
        model.addAttribute("sheets", sheets);
        model.addAttribute("ranked", Reviews.ranked(application, reviews.sheetMeans(id, criteria)));
        model.addAttribute("grant", grants.find(id).orElse(null));
        model.addAttribute("adjustments", grants.adjustments(id));
        model.addAttribute("payments", grants.payments(id));
        model.addAttribute("paymentKinds", Grants.PaymentKind.values());
        model.addAttribute("accompaniment", accompaniments.find(id).orElse(null));
        model.addAttribute("sessions", accompaniments.sessions(id));
        model.addAttribute("reports", followUps.reports(id));
        model.addAttribute("showcase", followUps.showcase(id).orElse(null));
        model.addAttribute("decisions", List.of(ApplicationStatus.RETAINED, ApplicationStatus.WAITING_LIST,
                ApplicationStatus.NOT_RETAINED));
        model.addAttribute("err", err);
        model.addAttribute("typed", typed);
        return "programmes/admin-application";
    }

    private String answer(long id, Map<String, String> problems, Map<String, String> typed, String anchor, String done,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return applicationPage(id, model, problems, typed);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/admin/programmes/candidatures/" + id + "#" + anchor;
    }

    /** Runs an action whose bad input is refused with a {@link ProgrammeRefused} 400: shown next to {@code field}. */
    private String refusable(long id, String field, Runnable action, Map<String, String> typed, String anchor,
                             String done, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (ProgrammeRefused refused) {
            if (refused.status().value() != HttpServletResponse.SC_BAD_REQUEST) {
                throw refused;
            }
            return answer(id, Map.of(field, refused.key()), typed, anchor, done, model, response, redirect);
        }
        return answer(id, Map.of(), typed, anchor, done, model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/completion")
    String askCompletion(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                         @RequestParam(defaultValue = "") String completion, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        return refusable(id, "completion", () -> applications.askCompletion(user, id, completion),
                Map.of("completion", completion), "etat", "programmes.application.completion.asked", model, response,
                redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/evaluateurs")
    String assign(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(defaultValue = "") String reviewerEmail, @RequestParam(defaultValue = "false") boolean jury,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        boolean[] found = {true};
        String page = refusable(id, "reviewerEmail", () -> found[0] = reviews.assign(user, id, reviewerEmail, jury),
                Map.of("reviewerEmail", reviewerEmail), "evaluation", "programmes.review.assigned", model, response,
                redirect);
        if (!found[0]) {
            return answer(id, Map.of("reviewerEmail", "programmes.review.error.unknownAccount"),
                    Map.of("reviewerEmail", reviewerEmail), "evaluation", null, model, response, redirect);
        }
        return page;
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/evaluateurs/{account:\\d{1,18}}/retirer")
    String unassign(@PathVariable long id, @PathVariable long account, @AuthenticationPrincipal AgoraUser user,
                    RedirectAttributes redirect) {
        reviews.unassign(user, id, account);
        redirect.addFlashAttribute("done", "programmes.review.unassigned");
        return "redirect:/admin/programmes/candidatures/" + id + "#evaluation";
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/decision")
    String decide(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return refusable(id, "reason", () -> decisions.decide(user, id, decision, reason), Map.of("reason", reason),
                "decision", "programmes.review.decided", model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/subvention/ajuster")
    String adjust(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(defaultValue = "") String awarded, @RequestParam(defaultValue = "") String justification,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return answer(id, grants.adjust(user, id, awarded, justification).orElse(Map.of()),
                Map.of("awarded", awarded, "justification", justification), "subvention", "programmes.grant.adjusted",
                model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/subvention/engager")
    String commit(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(defaultValue = "") String committedOn, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return answer(id, grants.commit(user, id, committedOn).orElse(Map.of()), Map.of("committedOn", committedOn),
                "subvention", "programmes.grant.committed", model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/subvention/versements")
    String pay(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
               @RequestParam(defaultValue = "") String paymentKind, @RequestParam(defaultValue = "") String paymentAmount,
               @RequestParam(defaultValue = "") String paidOn, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        return answer(id, grants.pay(user, id, paymentKind, paymentAmount, paidOn).orElse(Map.of()),
                Map.of("paymentAmount", paymentAmount, "paidOn", paidOn), "subvention", "programmes.grant.paid", model,
                response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/accompagnement")
    String contractor(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                      @RequestParam(defaultValue = "") String contractorName,
                      @RequestParam(defaultValue = "") String contractorEmail,
                      @RequestParam(defaultValue = "") String daysAllotted, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return answer(id, accompaniments.assign(user, id, contractorName, contractorEmail, daysAllotted),
                Map.of("contractorName", contractorName, "contractorEmail", contractorEmail, "daysAllotted", daysAllotted),
                "accompagnement", "programmes.accompaniment.saved", model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/seances")
    String session(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                   @RequestParam(defaultValue = "") String heldOn, @RequestParam(defaultValue = "") String halfDays,
                   @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String notes,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return answer(id, accompaniments.log(user, id, heldOn, halfDays, topic, notes),
                Map.of("heldOn", heldOn, "halfDays", halfDays, "topic", topic, "notes", notes), "accompagnement",
                "programmes.accompaniment.logged", model, response, redirect);
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/terminer")
    String complete(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        followUps.complete(user, id);
        redirect.addFlashAttribute("done", "programmes.grant.completed");
        return "redirect:/admin/programmes/candidatures/" + id + "#suivi";
    }

    @PostMapping("/candidatures/{id:\\d{1,18}}/vitrine")
    String showcase(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                    @RequestParam(defaultValue = "") String done, @RequestParam(defaultValue = "") String tools,
                    @RequestParam(defaultValue = "") String results, @RequestParam(defaultValue = "false") boolean publish,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return answer(id, followUps.writeShowcase(user, id, done, tools, results, publish),
                Map.of("done", done, "tools", tools, "results", results), "suivi", "programmes.grant.showcase.saved",
                model, response, redirect);
    }
}
