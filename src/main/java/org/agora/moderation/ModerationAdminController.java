package org.agora.moderation;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The moderators' pages: the queue of open cases (all they moderate, or one process's), a case with its reports and
 * the decisions, and the blocked participants. Who may see and do what is decided by {@link Moderators}.
 */
@Controller
@RequestMapping("/admin/moderation")
class ModerationAdminController {

    record QueueRow(long caseId, String type, String excerpt, String path, boolean hidden, boolean gone, int openReports,
                    Map<ModerationReason, Long> reasons, String processTitle, ZonedDateTime openedAt) {
    }

    record ReportRow(ModerationReason reason, String note, ZonedDateTime reportedAt, boolean open) {
    }

    record BlockRow(long accountId, String name, String reason, String blockedBy, ZonedDateTime blockedAt) {
    }

    private final ModerationManagement management;
    private final ModerationCases cases;
    private final ModerationTargets targets;
    private final Moderators moderators;
    private final Blocks blocks;
    private final ProcessNames processes;
    private final AccountManagement accounts;
    private final MessageSource messages;

    ModerationAdminController(ModerationManagement management, ModerationCases cases, ModerationTargets targets,
                              Moderators moderators, Blocks blocks, ProcessNames processes, AccountManagement accounts,
                              MessageSource messages) {
        this.management = management;
        this.cases = cases;
        this.targets = targets;
        this.moderators = moderators;
        this.blocks = blocks;
        this.processes = processes;
        this.accounts = accounts;
        this.messages = messages;
    }

    // ---- Queue ----------------------------------------------------------------------------------------------------

    @GetMapping
    String queue(@RequestParam(required = false) String process, @RequestParam(required = false) String page,
                 @AuthenticationPrincipal AgoraUser user, Model model, HttpServletResponse response) {
        requireModerator(user);
        boolean bad = false;
        Long processId = null;
        if (!ModerationForms.blank(process)) {
            processId = ModerationForms.number(process).orElse(null);
            if (processId == null) {
                bad = true;
            } else if (!moderators.moderates(user, processId)) {
                throw new AccessDeniedException("Not a moderator of process " + processId);
            }
        }
        Optional<Long> pageNumber = ModerationForms.blank(page) ? Optional.of(1L) : ModerationForms.number(page);
        bad |= pageNumber.isEmpty() || pageNumber.get() > 100_000;
        int chosenPage = (int) Math.min(pageNumber.orElse(1L), 100_000);

        List<Long> visibleProcesses = cases.processesWithOpenCases().stream()
                .filter(id -> moderators.moderates(user, id)).sorted().toList();
        Collection<Long> shown = processId != null ? List.of(processId)
                : moderators.moderatesEverything(user) ? null : visibleProcesses;
        ModerationCases.Page found = cases.queue(shown, chosenPage);
        Map<Long, Map<ModerationReason, Long>> reasons = cases.openReasons(
                found.cases().stream().map(ModerationCases.Case::id).toList());
        List<QueueRow> rows = found.cases().stream().map(one -> {
            Optional<ModeratedContent> content = targets.find(one.resource());
            return new QueueRow(one.id(), one.resource().type(), content.map(ModeratedContent::excerpt).orElse(null),
                    content.map(ModeratedContent::path).orElse(null), content.map(ModeratedContent::hidden).orElse(false),
                    content.isEmpty(), one.openReports(), reasons.getOrDefault(one.id(), Map.of()),
                    processes.title(one.processId()), one.openedAt().atZone(Clocks.PARIS));
        }).toList();
        if (bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badFilter", true);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("results", found);
        model.addAttribute("process", processId);
        model.addAttribute("processTitle", processId == null ? null : processes.title(processId));
        model.addAttribute("processes", visibleProcesses.stream().map(id -> new Choice(id, processes.title(id))).toList());
        model.addAttribute("canBlock", moderators.blocks(user));
        model.addAttribute("canReadLog", moderators.readsLog(user));
        return "moderation/queue";
    }

    // ---- One case -------------------------------------------------------------------------------------------------

    @GetMapping("/cases/{id:\\d{1,18}}")
    String showCase(@PathVariable long id, @AuthenticationPrincipal AgoraUser user, Model model) {
        return casePage(id, user, model, Map.of());
    }

    @PostMapping("/cases/{id:\\d{1,18}}/hide")
    String hide(@PathVariable long id, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String note, @AuthenticationPrincipal AgoraUser user, Model model,
                RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return decide(id, user, model, redirect, response, locale, "moderation.flash.hidden",
                () -> management.hide(user, id, ModerationForms.reason(reason).orElse(null), note));
    }

    @PostMapping("/cases/{id:\\d{1,18}}/restore")
    String restore(@PathVariable long id, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal AgoraUser user, Model model, RedirectAttributes redirect,
                   HttpServletResponse response, Locale locale) {
        return decide(id, user, model, redirect, response, locale, "moderation.flash.restored",
                () -> management.restore(user, id, note));
    }

    @PostMapping("/cases/{id:\\d{1,18}}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal AgoraUser user, Model model, RedirectAttributes redirect,
                   HttpServletResponse response, Locale locale) {
        return decide(id, user, model, redirect, response, locale, "moderation.flash.dismissed",
                () -> management.dismiss(user, id, note));
    }

    /** Runs a decision: done or already done, back to the case with a flash; refused, the case page with the message. */
    private String decide(long id, AgoraUser user, Model model, RedirectAttributes redirect, HttpServletResponse response,
                          Locale locale, String doneKey, Supplier<Boolean> decision) {
        requireModerator(user);
        try {
            redirect.addFlashAttribute("flash", decision.get() ? doneKey : "moderation.flash.unchanged");
            return "redirect:/admin/moderation/cases/" + id;
        } catch (ModerationProblem problem) {
            response.setStatus(problem.status());
            return casePage(id, user, model, Map.of(problem.field() == null ? "general" : problem.field(),
                    messages.getMessage(problem.messageKey(), null, locale)));
        }
    }

    private String casePage(long id, AgoraUser user, Model model, Map<String, String> errors) {
        requireModerator(user);
        ModerationCases.Case found = cases.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!moderators.moderates(user, found.processId())) {
            throw new AccessDeniedException("Case " + id + " is outside this moderator's scope");
        }
        Optional<ModeratedContent> content = targets.find(found.resource());
        model.addAttribute("case", found);
        model.addAttribute("reported", content.orElse(null));
        model.addAttribute("authorName", name(found.author()));
        model.addAttribute("authorBlocked", blocks.isBlocked(found.author()));
        model.addAttribute("processTitle", processes.title(found.processId()));
        model.addAttribute("openedAt", found.openedAt().atZone(Clocks.PARIS));
        model.addAttribute("reports", cases.reports(id).stream().map(report -> new ReportRow(report.reason(),
                report.note(), report.reportedAt().atZone(Clocks.PARIS), report.open())).toList());
        model.addAttribute("reasons", ModerationReason.values());
        model.addAttribute("canBlock", moderators.blocks(user) && !found.author().equals(user.id()));
        model.addAttribute("errors", errors);
        return "moderation/case";
    }

    // ---- Blocks ---------------------------------------------------------------------------------------------------

    @GetMapping("/blocks")
    String blocks(@AuthenticationPrincipal AgoraUser user, Model model) {
        return blocksPage(user, model, "", "", Map.of());
    }

    @PostMapping("/blocks")
    String block(@RequestParam(required = false) String email, @RequestParam(required = false) String accountId,
                 @RequestParam(required = false) String reason, @AuthenticationPrincipal AgoraUser user, Model model,
                 RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        requireBlocker(user);
        Optional<AccountId> account = ModerationForms.blank(accountId)
                ? accounts.findByEmail(email)
                : ModerationForms.number(accountId).map(AccountId::new);
        try {
            boolean done = management.block(user, account.orElse(null), reason);
            redirect.addFlashAttribute("flash", done ? "moderation.flash.blocked" : "moderation.flash.alreadyBlocked");
            return "redirect:/admin/moderation/blocks";
        } catch (ModerationProblem problem) {
            response.setStatus(problem.status());
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("account".equals(problem.field()) ? "email" : problem.field(),
                    messages.getMessage(problem.messageKey(), null, locale));
            return blocksPage(user, model, email == null ? "" : email, reason == null ? "" : reason, errors);
        }
    }

    @PostMapping("/blocks/{accountId:\\d{1,18}}/unblock")
    String unblock(@PathVariable long accountId, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal AgoraUser user, Model model, RedirectAttributes redirect,
                   HttpServletResponse response, Locale locale) {
        requireBlocker(user);
        try {
            boolean done = management.unblock(user, new AccountId(accountId), note);
            redirect.addFlashAttribute("flash", done ? "moderation.flash.unblocked" : "moderation.flash.unchanged");
            return "redirect:/admin/moderation/blocks";
        } catch (ModerationProblem problem) {
            response.setStatus(problem.status());
            return blocksPage(user, model, "", "", Map.of("general", messages.getMessage(problem.messageKey(), null, locale)));
        }
    }

    private String blocksPage(AgoraUser user, Model model, String email, String reason, Map<String, String> errors) {
        requireBlocker(user);
        List<Blocks.Block> all = blocks.all();
        Set<AccountId> people = new HashSet<>();
        all.forEach(block -> {
            people.add(new AccountId(block.accountId()));
            people.add(new AccountId(block.blockedBy()));
        });
        Map<AccountId, Optional<String>> names = people.isEmpty() ? Map.of() : accounts.pseudonyms(people);
        model.addAttribute("blocks", all.stream().map(block -> new BlockRow(block.accountId(),
                names.getOrDefault(new AccountId(block.accountId()), Optional.empty()).orElse(null), block.reason(),
                names.getOrDefault(new AccountId(block.blockedBy()), Optional.empty()).orElse(null),
                block.blockedAt().atZone(Clocks.PARIS))).toList());
        model.addAttribute("email", email);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "moderation/blocks";
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private void requireModerator(AgoraUser user) {
        if (!moderators.moderatesAnything(user)) {
            throw new AccessDeniedException("Moderators only");
        }
    }

    private void requireBlocker(AgoraUser user) {
        if (!moderators.blocks(user)) {
            throw new AccessDeniedException("Blocking takes a global moderation right");
        }
    }

    private String name(AccountId account) {
        return accounts.pseudonyms(Set.of(account)).getOrDefault(account, Optional.empty()).orElse(null);
    }
}
