package org.agora.moderation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.Clocks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderation action log, for administrators: filterable by action, moderator, date range and process, paginated;
 * the filters are in the address, so that a view can be shared. A malformed filter is ignored and said (400).
 */
@Controller
class ModerationLogController {

    record LogRow(ModerationAction action, String moderatorName, boolean automatic, ZonedDateTime happenedAt,
                  String targetType, Long targetId, String processTitle, String accountName, ModerationReason reason, String note) {
    }

    private final ActionLog log;
    private final Moderators moderators;
    private final AccountManagement accounts;
    private final ProcessNames processes;

    ModerationLogController(ActionLog log, Moderators moderators, AccountManagement accounts, ProcessNames processes) {
        this.log = log;
        this.moderators = moderators;
        this.accounts = accounts;
        this.processes = processes;
    }

    @GetMapping("/admin/moderation/log")
    String log(@RequestParam(required = false) String action, @RequestParam(required = false) String moderator,
               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) String process, @RequestParam(required = false) String page,
               @AuthenticationPrincipal AgoraUser user, Model model, HttpServletResponse response) {
        if (!moderators.readsLog(user)) {
            throw new AccessDeniedException("The moderation log is for administrators");
        }
        Optional<ModerationAction> chosenAction = ModerationForms.parse(ModerationAction.class, action);
        Optional<Long> chosenModerator = ModerationForms.number(moderator);
        Optional<LocalDate> chosenFrom = ModerationForms.date(from);
        Optional<LocalDate> chosenTo = ModerationForms.date(to);
        Optional<Long> chosenProcess = ModerationForms.number(process);
        Optional<Long> pageNumber = ModerationForms.blank(page) ? Optional.of(1L) : ModerationForms.number(page);
        boolean bad = !ModerationForms.blank(action) && chosenAction.isEmpty()
                || !ModerationForms.blank(moderator) && chosenModerator.isEmpty()
                || !ModerationForms.blank(from) && chosenFrom.isEmpty()
                || !ModerationForms.blank(to) && chosenTo.isEmpty()
                || !ModerationForms.blank(process) && chosenProcess.isEmpty()
                || pageNumber.isEmpty() || pageNumber.get() > 100_000
                || chosenFrom.isPresent() && chosenTo.isPresent() && chosenFrom.get().isAfter(chosenTo.get());
        if (chosenFrom.isPresent() && chosenTo.isPresent() && chosenFrom.get().isAfter(chosenTo.get())) {
            chosenTo = Optional.empty();
        }
        ActionLog.Page found = log.search(new ActionLog.Filter(chosenAction.orElse(null), chosenModerator.orElse(null),
                chosenFrom.orElse(null), chosenTo.orElse(null), chosenProcess.orElse(null)),
                (int) Math.min(pageNumber.orElse(1L), 100_000));

        List<Long> moderatorIds = log.moderators();
        Set<AccountId> people = new HashSet<>();
        moderatorIds.forEach(id -> people.add(new AccountId(id)));
        found.lines().forEach(line -> {
            if (line.moderatorId() != null) {
                people.add(new AccountId(line.moderatorId()));
            }
            if (line.accountId() != null) {
                people.add(new AccountId(line.accountId()));
            }
        });
        Map<AccountId, Optional<String>> names = people.isEmpty() ? Map.of() : accounts.pseudonyms(people);
        model.addAttribute("rows", found.lines().stream().map(line -> new LogRow(line.action(),
                name(names, line.moderatorId()), line.moderatorId() == null, line.happenedAt().atZone(Clocks.PARIS),
                line.resourceType(), line.resourceId(),
                processes.title(line.processId()), name(names, line.accountId()), line.reason(), line.note())).toList());
        model.addAttribute("results", found);
        model.addAttribute("actions", ModerationAction.values());
        model.addAttribute("moderators", moderatorIds.stream()
                .map(id -> new Choice(id, Optional.ofNullable(name(names, id)).orElse("#" + id))).toList());
        model.addAttribute("processes", log.processes().stream().sorted()
                .map(id -> new Choice(id, processes.title(id))).toList());
        model.addAttribute("action", chosenAction.map(Enum::name).orElse(null));
        model.addAttribute("moderator", chosenModerator.orElse(null));
        model.addAttribute("from", chosenFrom.map(LocalDate::toString).orElse(null));
        model.addAttribute("to", chosenTo.map(LocalDate::toString).orElse(null));
        model.addAttribute("process", chosenProcess.orElse(null));
        model.addAttribute("page", found.page());
        if (bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badFilter", true);
        }
        return "moderation/log";
    }

    private static String name(Map<AccountId, Optional<String>> names, Long id) {
        return id == null ? null : names.getOrDefault(new AccountId(id), Optional.empty()).orElse(null);
    }
}
