package org.agora.proposals;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;

import org.agora.accounts.AccountId;
import org.agora.moderation.ParticipantBlocks;
import org.agora.processes.ProcessId;
import org.agora.processes.ProcessRules;
import org.agora.processes.ProcessSettings;
import org.agora.shared.LostRaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Supports: one per person and proposal (a unique constraint), at most the process's limit per person, counted on the
 * proposal in the same transaction. Every change first locks the person's row for the process
 * ({@code proposal_supporter}), so that one person's concurrent clicks are serialised and the limit holds; the
 * proposal's counter row is then updated by SQL, which serialises the threshold check. A transaction that loses a
 * race on creating a row is retried, so that a repeated support is a success, never an error.
 */
@Service
class ProposalSupports {

    enum Outcome { SUPPORTED, ALREADY_SUPPORTED, WITHDRAWN, NOT_SUPPORTED }

    private static final int ATTEMPTS = 10;

    private final JdbcTemplate jdbc;
    private final ProcessRules processes;
    private final ParticipantBlocks blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ProposalSupports(JdbcTemplate jdbc, ProcessRules processes, ParticipantBlocks blocks, ApplicationEventPublisher events, Clock clock,
                     PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.blocks = blocks;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Outcome support(long proposalId, AccountId account) {
        if (blocks.isBlocked(account)) {
            throw new ProposalRefused("proposals.refused.blocked");
        }
        return LostRaces.retry(ATTEMPTS, () -> transactions.execute(status -> {
            Target target = target(proposalId);
            if (target.hidden()) {
                throw new ProposalRefused("proposals.support.refused.hidden");
            }
            long supports = lockSupporter(target.processId(), account);
            if (supported(proposalId, account)) {
                return Outcome.ALREADY_SUPPORTED;
            }
            if (target.settings().supportLimit() != null && supports >= target.settings().supportLimit()) {
                throw new ProposalRefused("proposals.support.refused.limit");
            }
            jdbc.update("INSERT INTO proposal_support (proposal_id, account_id, process_id, created_at) VALUES (?, ?, ?, ?)",
                    proposalId, account.value(), target.processId(), Timestamp.from(clock.instant()));
            jdbc.update("UPDATE proposal_supporter SET supports = supports + 1 WHERE process_id = ? AND account_id = ?",
                    target.processId(), account.value());
            jdbc.update("UPDATE proposal SET supports_count = supports_count + 1 WHERE id = ?", proposalId);
            events.publishEvent(new ProposalSupported(new ProposalId(proposalId), new ProcessId(target.processId()), account));
            markThreshold(proposalId, target.settings());
            return Outcome.SUPPORTED;
        }));
    }

    /** Takes a support back; taking back one never given changes nothing. The threshold mark, once reached, stays. */
    Outcome withdrawSupport(long proposalId, AccountId account) {
        return LostRaces.retry(ATTEMPTS, () -> transactions.execute(status -> {
            Target target = target(proposalId);
            lockSupporter(target.processId(), account);
            if (jdbc.update("DELETE FROM proposal_support WHERE proposal_id = ? AND account_id = ?",
                    proposalId, account.value()) == 0) {
                return Outcome.NOT_SUPPORTED;
            }
            jdbc.update("UPDATE proposal_supporter SET supports = supports - 1 WHERE process_id = ? AND account_id = ?",
                    target.processId(), account.value());
            jdbc.update("UPDATE proposal SET supports_count = supports_count - 1 WHERE id = ?", proposalId);
            return Outcome.SUPPORTED;
        }));
    }

    /**
     * Marks the proposal once its stored count reaches the process's threshold, and tells it; to be called in the
     * transaction that raised the count, with the proposal's row locked.
     */
    void markThreshold(long proposalId, ProcessSettings settings) {
        Integer threshold = settings.supportThreshold();
        if (threshold != null && jdbc.update("UPDATE proposal SET threshold_reached_at = ? WHERE id = ? "
                + "AND threshold_reached_at IS NULL AND supports_count >= ?",
                Timestamp.from(clock.instant()), proposalId, threshold) == 1) {
            events.publishEvent(new ProposalThresholdReached(new ProposalId(proposalId), settings.id()));
        }
    }

    boolean supported(long proposalId, AccountId account) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM proposal_support WHERE proposal_id = ? AND account_id = ?", Boolean.class,
                proposalId, account.value()));
    }

    private Target target(long proposalId) {
        List<Target> found = jdbc.query("SELECT process_id, status, hidden_reason FROM proposal WHERE id = ? FOR UPDATE",
                (row, index) -> new Target(row.getLong(1), ProposalStatus.valueOf(row.getString(2)),
                        row.getString(3) != null, null), proposalId);
        if (found.isEmpty() || found.getFirst().status() == ProposalStatus.DRAFT) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Target target = found.getFirst();
        ProcessSettings settings = processes.byId(new ProcessId(target.processId()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (target.status() == ProposalStatus.WITHDRAWN) {
            throw new ProposalRefused("proposals.support.refused.withdrawn");
        }
        if (target.status() == ProposalStatus.MERGED) {
            throw new ProposalRefused("proposals.support.refused.merged");
        }
        if (!settings.acceptsSupports()) {
            throw new ProposalRefused("proposals.support.refused.closed");
        }
        return new Target(target.processId(), target.status(), target.hidden(), settings);
    }

    /** Creates the person's row for the process if needed, then locks it; returns their current number of supports. */
    private long lockSupporter(long processId, AccountId account) {
        jdbc.update("INSERT INTO proposal_supporter (process_id, account_id, supports) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                processId, account.value());
        return jdbc.queryForObject("SELECT supports FROM proposal_supporter WHERE process_id = ? AND account_id = ? FOR UPDATE",
                Long.class, processId, account.value());
    }

    private record Target(long processId, ProposalStatus status, boolean hidden, ProcessSettings settings) {
    }
}
