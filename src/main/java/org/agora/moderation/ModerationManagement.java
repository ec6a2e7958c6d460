package org.agora.moderation;

import java.time.Clock;
import org.agora.accounts.AccountId;
import org.agora.accounts.AccountManagement;
import org.agora.accounts.AgoraUser;
import org.agora.shared.LostRaces;
import org.agora.shared.ResourceRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Moderation's use cases. Reports: one per person and content (a unique constraint); each report locks the content's
 * case row, so that the automatic hiding after {@code agora.moderation.auto-hide-after} open reports happens once.
 * Moderators' decisions lock the same row, close the case and are logged with who, when, why; the content's module
 * changes its own state through its {@link ModerationTarget}; authors hear of it through {@link ContentHidden} and
 * {@link ContentRestored}.
 */
@Service
public class ModerationManagement {

    static final int NOTE_MAX = 1000;
    private static final int ATTEMPTS = 10;

    public enum ReportOutcome { REPORTED, ALREADY_REPORTED }

    private final ModerationTargets targets;
    private final ModerationCases cases;
    private final ActionLog log;
    private final Blocks blocks;
    private final Moderators moderators;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int autoHideAfter;

    ModerationManagement(ModerationTargets targets, ModerationCases cases, ActionLog log, Blocks blocks,
                         Moderators moderators, AccountManagement accounts, ApplicationEventPublisher events,
                         PlatformTransactionManager transactionManager, Clock clock,
                         @Value("${agora.moderation.auto-hide-after:3}") int autoHideAfter) {
        if (autoHideAfter < 1) {
            throw new IllegalArgumentException("agora.moderation.auto-hide-after is at least 1");
        }
        this.targets = targets;
        this.cases = cases;
        this.log = log;
        this.blocks = blocks;
        this.moderators = moderators;
        this.accounts = accounts;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.autoHideAfter = autoHideAfter;
    }

    // ---- Reports ------------------------------------------------------------------------------------------------

    /**
     * Records a person's report. A second report of the same content by the same person is an idempotent success
     * ({@link ReportOutcome#ALREADY_REPORTED}). Unknown content: 404; one's own content: refused; a note is required
     * for {@link ModerationReason#OTHER} and has at most {@value #NOTE_MAX} characters.
     */
    public ReportOutcome report(AccountId reporter, ResourceRef resource, ModerationReason reason, String rawNote) {
        ModeratedContent content = targets.find(resource).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (content.author().equals(reporter)) {
            throw ModerationProblem.refused("moderation.report.own");
        }
        if (reason == null) {
            throw ModerationProblem.badInput("reason", "moderation.report.reason.required");
        }
        String note = note(rawNote, reason == ModerationReason.OTHER, "note", "moderation.report.note.required");
        return LostRaces.retry(ATTEMPTS, () -> transactions.execute(status -> {
            cases.ensure(resource, content.processId(), content.author(), clock.instant());
            ModerationCases.Case locked = cases.lock(resource);
            if (cases.reported(locked.id(), reporter)) {
                return ReportOutcome.ALREADY_REPORTED;
            }
            int open = cases.addReport(locked, reporter, reason, note, clock.instant());
            if (open >= autoHideAfter) {
                // Read again under the lock: a moderator may have decided meanwhile.
                targets.find(resource).filter(current -> !current.hidden()).ifPresent(current -> {
                    ModerationReason main = cases.mainReason(locked.id());
                    targets.of(resource.type()).orElseThrow().hide(resource.id(), main);
                    log.record(new ActionLog.Entry(ModerationAction.AUTO_HIDE, null, resource, locked.processId(),
                            locked.author(), main, null), clock.instant());
                    events.publishEvent(new ContentHidden(resource, locked.author(), main, true));
                });
            }
            return ReportOutcome.REPORTED;
        }));
    }

    /** Whether this person already reported this content (the report form says so instead of asking again). */
    boolean hasReported(AccountId reporter, ResourceRef resource) {
        return cases.find(resource).map(found -> cases.reported(found.id(), reporter)).orElse(false);
    }

    // ---- Moderators' decisions ------------------------------------------------------------------------------------

    /**
     * Hides the content with the moderator's reason and closes the case. Content hidden automatically and awaiting
     * review takes the moderator's reason, and its author is told of the decision; hiding content already hidden
     * after a review changes nothing (a second click).
     */
    boolean hide(AgoraUser moderator, long caseId, ModerationReason reason, String rawNote) {
        if (reason == null) {
            throw ModerationProblem.badInput("reason", "moderation.decision.reason.required");
        }
        String note = note(rawNote, false, "note", null);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            ModerationCases.Case locked = lockedCase(moderator, caseId);
            ModeratedContent content = existing(locked);
            if (content.hidden() && !locked.isOpen()) {
                return false;
            }
            ModerationTarget target = targets.of(locked.resource().type()).orElseThrow();
            if (content.hidden()) {
                target.restore(locked.resource().id());
            }
            target.hide(locked.resource().id(), reason);
            cases.close(locked.id(), clock.instant());
            log.record(new ActionLog.Entry(ModerationAction.HIDE, moderator.id(), locked.resource(), locked.processId(),
                    locked.author(), reason, note), clock.instant());
            events.publishEvent(new ContentHidden(locked.resource(), locked.author(), reason, false));
            return true;
        }));
    }

    /** Shows hidden content again and closes the case; restoring visible content changes nothing. */
    boolean restore(AgoraUser moderator, long caseId, String rawNote) {
        String note = note(rawNote, false, "note", null);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            ModerationCases.Case locked = lockedCase(moderator, caseId);
            if (!existing(locked).hidden()) {
                return false;
            }
            targets.of(locked.resource().type()).orElseThrow().restore(locked.resource().id());
            cases.close(locked.id(), clock.instant());
            log.record(new ActionLog.Entry(ModerationAction.RESTORE, moderator.id(), locked.resource(),
                    locked.processId(), locked.author(), null, note), clock.instant());
            events.publishEvent(new ContentRestored(locked.resource(), locked.author()));
            return true;
        }));
    }

    /**
     * The reports are unfounded: the case is closed and content hidden while awaiting review is shown again.
     * Dismissing a closed case changes nothing.
     */
    boolean dismiss(AgoraUser moderator, long caseId, String rawNote) {
        String note = note(rawNote, false, "note", null);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            ModerationCases.Case locked = lockedCase(moderator, caseId);
            if (!locked.isOpen()) {
                return false;
            }
            boolean hidden = targets.find(locked.resource()).map(ModeratedContent::hidden).orElse(false);
            if (hidden) {
                targets.of(locked.resource().type()).orElseThrow().restore(locked.resource().id());
            }
            cases.close(locked.id(), clock.instant());
            log.record(new ActionLog.Entry(ModerationAction.DISMISS, moderator.id(), locked.resource(),
                    locked.processId(), locked.author(), null, note), clock.instant());
            if (hidden) {
                events.publishEvent(new ContentRestored(locked.resource(), locked.author()));
            }
            return true;
        }));
    }

    // ---- Blocks ---------------------------------------------------------------------------------------------------

    /** Blocks a participant (they may read, not write) with a reason; blocking a blocked person changes nothing. */
    boolean block(AgoraUser moderator, AccountId account, String rawReason) {
        if (!moderators.blocks(moderator)) {
            throw new AccessDeniedException("Blocking takes a global moderation right");
        }
        String reason = note(rawReason, true, "reason", "moderation.block.reason.required");
        if (account == null || accounts.find(account).isEmpty()) {
            throw ModerationProblem.badInput("account", "moderation.block.account.unknown");
        }
        if (account.equals(moderator.id())) {
            throw ModerationProblem.badInput("account", "moderation.block.self");
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!blocks.add(account, reason, moderator.id(), clock.instant())) {
                return false;
            }
            log.record(new ActionLog.Entry(ModerationAction.BLOCK, moderator.id(), null, null, account, null, reason),
                    clock.instant());
            return true;
        }));
    }

    /** Lifts a block; the block and its lifting stay in the log. Unblocking someone not blocked changes nothing. */
    boolean unblock(AgoraUser moderator, AccountId account, String rawNote) {
        if (!moderators.blocks(moderator)) {
            throw new AccessDeniedException("Unblocking takes a global moderation right");
        }
        String note = note(rawNote, false, "note", null);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!blocks.remove(account)) {
                return false;
            }
            log.record(new ActionLog.Entry(ModerationAction.UNBLOCK, moderator.id(), null, null, account, null, note),
                    clock.instant());
            return true;
        }));
    }

    // ---- Rules ----------------------------------------------------------------------------------------------------

    /** The case, locked, if this person moderates its process: 404 for an unknown case, 403 for someone else's. */
    private ModerationCases.Case lockedCase(AgoraUser moderator, long caseId) {
        ModerationCases.Case found = cases.lock(caseId).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (!moderators.moderates(moderator, found.processId())) {
            throw new AccessDeniedException("Case " + caseId + " is outside this moderator's scope");
        }
        return found;
    }

    private ModeratedContent existing(ModerationCases.Case locked) {
        return targets.find(locked.resource()).orElseThrow(() -> ModerationProblem.refused("moderation.case.gone"));
    }

    /** A stripped free text, null when blank; refused when required and blank, or too long. */
    static String note(String raw, boolean required, String field, String requiredKey) {
        String text = raw == null ? "" : raw.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            if (required) {
                throw ModerationProblem.badInput(field, requiredKey);
            }
            return null;
        }
        if (text.length() > NOTE_MAX) {
            throw ModerationProblem.badInput(field, "moderation.note.tooLong");
        }
        return text;
    }
}
