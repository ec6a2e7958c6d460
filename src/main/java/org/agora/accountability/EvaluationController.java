package org.agora.accountability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.processes.ProcessSettings;
import org.agora.proposals.ProposalCatalog;
import org.agora.proposals.PublicProposal;
import org.agora.territories.TerritoryDirectory;
import org.agora.territories.TerritoryView;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of a process's evaluation: the filtered list with bulk actions (plain forms, no JavaScript needed), one
 * page per proposal for its evaluator, and the answer templates.
 */
@Controller
@RequestMapping("/admin/processes/{id}")
class EvaluationController {

    private final EvaluationManagement management;
    private final EvaluationRights rights;
    private final DestinationManagement destinations;
    private final EvaluationSettings settings;
    private final ProposalCatalog proposals;
    private final TerritoryDirectory territories;
    private final AccountManagement accounts;
    private final CharterArticles articles;
    private final WorkProgrammes programmes;
    private final ImmediateMeasures measures;
    private final Transmissions transmissions;

    EvaluationController(EvaluationManagement management, EvaluationRights rights, DestinationManagement destinations,
                         EvaluationSettings settings, ProposalCatalog proposals, TerritoryDirectory territories,
                         AccountManagement accounts, CharterArticles articles, WorkProgrammes programmes,
                         ImmediateMeasures measures, Transmissions transmissions) {
        this.articles = articles;
        this.programmes = programmes;
        this.measures = measures;
        this.transmissions = transmissions;
        this.management = management;
        this.rights = rights;
        this.destinations = destinations;
        this.settings = settings;
        this.proposals = proposals;
        this.territories = territories;
        this.accounts = accounts;
    }

    // ---- The list -------------------------------------------------------------------------------------------------

    record Filter(String status, Long territory, String theme, Long assignee, String state) {
    }

    /** One row of the list: the proposal, where its evaluation stands and who has it. */
    record Row(long id, String reference, String title, String territory, String theme, boolean withdrawn,
               String state, String assignee) {
    }

    @GetMapping("/evaluation")
    String list(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(required = false) String status, @RequestParam(required = false) Long territory,
                @RequestParam(required = false) String theme, @RequestParam(required = false) Long assignee,
                @RequestParam(required = false) String state, Model model) {
        ProcessSettings process = rights.requireEvaluator(user, id);
        Filter filter = new Filter(blankToNull(status), territory, blankToNull(theme), assignee, blankToNull(state));
        Map<Long, Evaluation> evaluations = management.evaluationsOf(id);
        Map<AccountId, String> evaluators = management.evaluators(id);
        Set<Long> within = territory == null ? null : territories.selfAndDescendants(territory);
        List<Row> rows = new ArrayList<>();
        for (PublicProposal proposal : proposals.allPublic()) {
            if (proposal.processId().value() != id) {
                continue;
            }
            Evaluation evaluation = evaluations.get(proposal.id().value());
            String evaluationState = evaluation == null ? "NONE" : evaluation.getState().name();
            if (filter.status() != null && !switch (filter.status()) {
                case "withdrawn" -> proposal.withdrawn();
                case "answered" -> proposal.answered();
                default -> !proposal.withdrawn();
            }) {
                continue;
            }
            if (within != null && !within.contains(proposal.territoryId())
                    || filter.theme() != null && !filter.theme().equals(proposal.theme())
                    || filter.state() != null && !filter.state().equals(evaluationState)
                    || filter.assignee() != null && (evaluation == null || evaluation.getAssigneeId() != filter.assignee())) {
                continue;
            }
            rows.add(new Row(proposal.id().value(), proposal.reference(), proposal.hidden() ? null : proposal.title(),
                    territories.find(proposal.territoryId()).map(TerritoryView::label).orElse("—"), proposal.theme(),
                    proposal.withdrawn(), evaluationState,
                    evaluation == null ? null : nameOf(evaluators, evaluation.getAssigneeId())));
        }
        model.addAttribute("process", process);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("evaluators", evaluators);
        model.addAttribute("territoryChoices", territories.scopes().stream()
                .filter(scope -> territories.isWithin(scope.id(), process.territoryId())).toList());
        model.addAttribute("states", List.of("NONE", "ASSIGNED", "PROPOSED", "VALIDATED", "PUBLISHED"));
        model.addAttribute("destinations", destinations.of(id));
        model.addAttribute("templates", management.templates(id));
        model.addAttribute("administrator", rights.administers(user, id));
        model.addAttribute("publishOnValidation", settings.publishOnValidation(id));
        return "accountability/evaluation";
    }

    @PostMapping("/evaluation/bulk")
    String bulk(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(name = "proposal", required = false) List<Long> selected, @RequestParam String action,
                @RequestParam(required = false) Long assignee, @RequestParam(required = false) Long templateId,
                @RequestParam(required = false) Long destinationId, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        rights.requireEvaluator(user, id);
        String back = "redirect:/admin/processes/" + id + "/evaluation";
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("flashError", "accountability.evaluation.error.noneSelected");
            return back;
        }
        try {
            switch (action) {
                case "assign" -> management.assign(user, id, selected, new AccountId(assignee == null ? -1 : assignee));
                case "template" -> management.applyTemplate(user, id, selected, templateId == null ? -1 : templateId,
                        destinationId == null ? -1 : destinationId, reason);
                case "validate" -> management.validate(user, id, selected);
                case "publish" -> management.publishValidated(user, id, selected);
                default -> throw new EvaluationManagement.InvalidAnswer("action", "accountability.evaluation.error.action");
            }
        } catch (EvaluationManagement.InvalidAnswer invalid) {
            redirect.addFlashAttribute("flashError", invalid.key());
            return back;
        } catch (IllegalArgumentException badId) {
            redirect.addFlashAttribute("flashError", "accountability.evaluation.error.assignee");
            return back;
        }
        redirect.addFlashAttribute("flash", "accountability.evaluation.flash." + action);
        return back;
    }

    @PostMapping("/evaluation/publish-validated")
    String publishAll(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, RedirectAttributes redirect) {
        management.publishValidated(user, id, null);
        redirect.addFlashAttribute("flash", "accountability.evaluation.flash.publish");
        return "redirect:/admin/processes/" + id + "/evaluation";
    }

    @PostMapping("/evaluation/settings")
    String settings(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                    @RequestParam(defaultValue = "false") boolean publishOnValidation, RedirectAttributes redirect) {
        management.publishOnValidation(user, id, publishOnValidation);
        redirect.addFlashAttribute("flash", "accountability.evaluation.flash.settings");
        return "redirect:/admin/processes/" + id + "/evaluation";
    }

    // ---- One proposal ---------------------------------------------------------------------------------------------

    @GetMapping("/evaluation/{proposal}")
    String show(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(required = false) Long template, Model model) {
        ProcessSettings process = rights.requireEvaluator(user, id);
        PublicProposal found = management.proposal(id, proposal);
        Optional<Evaluation> evaluation = management.evaluationOf(proposal);
        String text = evaluation.map(Evaluation::getAnswerText).orElse("");
        if (template != null) {
            AnswerTemplate chosen = management.templates(id).stream().filter(t -> t.getId().equals(template)).findFirst()
                    .orElse(null);
            if (chosen != null) {
                text = chosen.fill(pseudonym(found.author()), found.title(), found.reference());
            }
        }
        EvaluationManagement.AnswerDraft draft = new EvaluationManagement.AnswerDraft(
                evaluation.map(Evaluation::getDestinationId).orElse(null), text,
                evaluation.map(Evaluation::getReason).orElse(""),
                evaluation.filter(found2 -> found2.getLinkTarget() != null)
                        .map(found2 -> found2.getLinkKind().name() + ":" + found2.getLinkTarget()).orElse(""),
                evaluation.map(Evaluation::getNewTransmission).map(Transmissions.Draft::recipient).orElse(""),
                evaluation.map(Evaluation::getNewTransmission).map(t -> t.level().name()).orElse(""),
                evaluation.map(Evaluation::getNewTransmission).map(t -> t.sentOn().toString()).orElse(""));
        return proposalPage(model, user, process, found, evaluation.orElse(null), draft,
                evaluation.map(Evaluation::getVersion).orElse(0L), Map.of(), null);
    }

    @PostMapping("/evaluation/{proposal}/assign")
    String assignOne(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                     @RequestParam(required = false) Long assignee, RedirectAttributes redirect) {
        rights.requireEvaluator(user, id);
        management.proposal(id, proposal);
        try {
            management.assign(user, id, List.of(proposal), new AccountId(assignee == null ? -1 : assignee));
            redirect.addFlashAttribute("flash", "accountability.evaluation.flash.assign");
        } catch (EvaluationManagement.InvalidAnswer | IllegalArgumentException invalid) {
            redirect.addFlashAttribute("flashError", "accountability.evaluation.error.assignee");
        }
        return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
    }

    @PostMapping("/evaluation/{proposal}/notes")
    String note(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                @RequestParam(required = false) String note, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            management.note(user, id, proposal, note);
        } catch (EvaluationManagement.InvalidAnswer invalid) {
            redirect.addFlashAttribute("flashError", invalid.key());
        } catch (EvaluationRefused refused) {
            redirect.addFlashAttribute("flashError", refused.key());
        }
        return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
    }

    @PostMapping("/evaluation/{proposal}/answer")
    String answer(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                  @RequestParam(required = false) Long destinationId, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String link,
                  @RequestParam(required = false) String newRecipient, @RequestParam(required = false) String newLevel,
                  @RequestParam(required = false) String newSentOn,
                  @RequestParam long version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ProcessSettings process = rights.requireEvaluator(user, id);
        PublicProposal found = management.proposal(id, proposal);
        EvaluationManagement.AnswerDraft draft = new EvaluationManagement.AnswerDraft(destinationId, text, reason, link,
                newRecipient, newLevel, newSentOn);
        try {
            management.propose(user, id, proposal, version, draft);
        } catch (EvaluationManagement.InvalidAnswer invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Evaluation current = management.evaluationOf(proposal).orElseThrow();
            return proposalPage(model, user, process, found, current, draft, version,
                    Map.of(invalid.field(), invalid.key()), null);
        } catch (EvaluationManagement.AnswerConflict | ConcurrencyFailureException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            Evaluation current = management.evaluationOf(proposal).orElseThrow();
            return proposalPage(model, user, process, found, current, draft, current.getVersion(), Map.of(), current);
        } catch (EvaluationRefused refused) {
            redirect.addFlashAttribute("flashError", refused.key());
            return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
        }
        redirect.addFlashAttribute("flash", "accountability.evaluation.flash.proposed");
        return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
    }

    @PostMapping("/evaluation/{proposal}/validate")
    String validateOne(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                       RedirectAttributes redirect) {
        boolean validated = management.validate(user, id, List.of(proposal)) > 0;
        redirect.addFlashAttribute(validated ? "flash" : "flashError",
                validated ? "accountability.evaluation.flash.validate" : "accountability.evaluation.error.notProposed");
        return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
    }

    @PostMapping("/evaluation/{proposal}/publish")
    String publishOne(@PathVariable long id, @PathVariable long proposal, @AuthenticationPrincipal AgoraUser user,
                      RedirectAttributes redirect) {
        boolean published = management.publishValidated(user, id, List.of(proposal)) > 0;
        redirect.addFlashAttribute(published ? "flash" : "flashError",
                published ? "accountability.evaluation.flash.publish" : "accountability.evaluation.error.notValidated");
        return "redirect:/admin/processes/" + id + "/evaluation/" + proposal;
    }

    private String proposalPage(Model model, AgoraUser user, ProcessSettings process, PublicProposal proposal,
                                Evaluation evaluation, EvaluationManagement.AnswerDraft draft, long version,
                                Map<String, String> problems, Evaluation conflict) {
        long id = process.id().value();
        List<Destination> choices = destinations.of(id);
        Map<AccountId, String> evaluators = management.evaluators(id);
        model.addAttribute("process", process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("authorName", pseudonym(proposal.author()));
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("assigneeName", evaluation == null ? null : nameOf(evaluators, evaluation.getAssigneeId()));
        model.addAttribute("notes", evaluation == null ? List.of() : management.notesOf(evaluation).stream()
                .map(note -> new NoteView(nameOf(evaluators, note.getAuthorId()),
                        note.getCreatedAt().atZone(org.agora.shared.Clocks.PARIS), note.getText())).toList());
        model.addAttribute("draft", draft);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("conflict", conflict);
        model.addAttribute("conflictDestination", conflict == null || conflict.getDestinationId() == null ? null
                : choices.stream().filter(d -> d.getId().equals(conflict.getDestinationId())).findFirst()
                        .map(Destination::getLabelFr).orElse(null));
        model.addAttribute("destinations", choices);
        model.addAttribute("linkGroups", linkGroups());
        model.addAttribute("levels", TransmissionLevel.values());
        model.addAttribute("templates", management.templates(id));
        model.addAttribute("evaluators", evaluators);
        model.addAttribute("administrator", rights.administers(user, id));
        return "accountability/proposal";
    }

    record NoteView(String author, java.time.ZonedDateTime at, String text) {
    }

    /** What an answer may name as fed, grouped by kind; each value is {@code KIND:id}. */
    record LinkGroup(ContributionKind kind, List<LinkChoice> choices) {
    }

    record LinkChoice(String value, String label) {
    }

    private List<LinkGroup> linkGroups() {
        return List.of(
                group(ContributionKind.CHARTER_ARTICLE, articles.all().stream()
                        .map(a -> choice(ContributionKind.CHARTER_ARTICLE, a.id(), a.number() + ". " + a.title())).toList()),
                group(ContributionKind.WORK_PROGRAMME, programmes.programmes().stream()
                        .map(p -> choice(ContributionKind.WORK_PROGRAMME, p.id(), p.title())).toList()),
                group(ContributionKind.IMMEDIATE_MEASURE, measures.all().stream()
                        .map(m -> choice(ContributionKind.IMMEDIATE_MEASURE, m.id(), m.title())).toList()),
                group(ContributionKind.TRANSMISSION, transmissions.all().stream()
                        .map(t -> choice(ContributionKind.TRANSMISSION, t.id(), t.recipient() + " — " + t.subject()
                                + " (" + t.sentOn() + ")")).toList()));
    }

    private static LinkGroup group(ContributionKind kind, List<LinkChoice> choices) {
        return new LinkGroup(kind, choices);
    }

    private static LinkChoice choice(ContributionKind kind, long id, String label) {
        return new LinkChoice(kind.name() + ":" + id, label);
    }

    // ---- Answer templates -----------------------------------------------------------------------------------------

    @GetMapping("/answer-templates")
    String templates(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        return templatesPage(model, rights.requireEvaluator(user, id), "", "", Map.of());
    }

    @PostMapping("/answer-templates")
    String addTemplate(@PathVariable long id, @AuthenticationPrincipal AgoraUser user,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String text,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ProcessSettings process = rights.requireEvaluator(user, id);
        try {
            management.addTemplate(user, id, name, text);
        } catch (EvaluationManagement.InvalidAnswer invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return templatesPage(model, process, name, text, Map.of(invalid.field(), invalid.key()));
        }
        redirect.addFlashAttribute("flash", "accountability.answer.flash.templateAdded");
        return "redirect:/admin/processes/" + id + "/answer-templates";
    }

    @PostMapping("/answer-templates/{template}/delete")
    String deleteTemplate(@PathVariable long id, @PathVariable long template, @AuthenticationPrincipal AgoraUser user,
                          RedirectAttributes redirect) {
        rights.requireEvaluator(user, id);
        management.deleteTemplate(user, id, template);
        redirect.addFlashAttribute("flash", "accountability.answer.flash.templateDeleted");
        return "redirect:/admin/processes/" + id + "/answer-templates";
    }

    private String templatesPage(Model model, ProcessSettings process, String name, String text, Map<String, String> problems) {
        model.addAttribute("process", process);
        model.addAttribute("templates", management.templates(process.id().value()));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("text", text == null ? "" : text);
        model.addAttribute("problems", problems);
        return "accountability/templates";
    }

    private String pseudonym(AccountId account) {
        return accounts.pseudonyms(Set.of(account)).getOrDefault(account, Optional.empty()).orElse("");
    }

    private static String nameOf(Map<AccountId, String> names, long accountId) {
        return names.getOrDefault(new AccountId(accountId), "—");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
