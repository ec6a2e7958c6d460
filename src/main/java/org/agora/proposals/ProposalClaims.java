package org.agora.proposals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.agora.accounts.AgoraUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to claim a paper proposal. Only the token's SHA-256 is stored; a token is spent by the claim, and is
 * refused after it expires. Whoever follows the link and signs in may claim (the address on paper may not be the one
 * of their account).
 */
@Component
@Transactional
class ProposalClaims {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Proposals proposals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalClaims(JdbcTemplate jdbc, Proposals proposals, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.proposals = proposals;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the invitation for this proposal; returns the token to put in the link. */
    String create(long proposalId, String email, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO proposal_claim (proposal_id, token_hash, email, expires_at) VALUES (?, ?, ?, ?)",
                proposalId, hash(token), email, Timestamp.from(expiresAt));
        return token;
    }

    /** The proposal this token may still claim. */
    @Transactional(readOnly = true)
    Proposal claimable(String token) {
        List<Claim> found = jdbc.query("SELECT proposal_id, expires_at, spent_at FROM proposal_claim WHERE token_hash = ?",
                (rs, row) -> new Claim(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), hash(token));
        if (found.isEmpty()) {
            throw new ProposalRefused("proposals.claim.unknown");
        }
        Claim claim = found.getFirst();
        if (claim.spentAt() != null) {
            throw new ProposalRefused("proposals.claim.spent");
        }
        if (!clock.instant().isBefore(claim.expiresAt())) {
            throw new ProposalRefused("proposals.claim.expired");
        }
        Proposal proposal = proposals.findById(claim.proposalId()).orElseThrow(() -> new ProposalRefused("proposals.claim.unknown"));
        if (!proposal.awaitsClaim() || !proposal.isListed()) {
            throw new ProposalRefused("proposals.claim.spent");
        }
        return proposal;
    }

    /**
     * Makes the signed-in person the proposal's author and spends the token. The conditional update makes a second
     * claim of the same token, even a concurrent one, a refusal.
     */
    Proposal claim(String token, AgoraUser person) {
        Proposal proposal = claimable(token);
        // The address written on paper is no longer needed once the proposal is in an account.
        int spent = jdbc.update("UPDATE proposal_claim SET spent_at = ?, spent_by = ?, email = '' WHERE token_hash = ? AND spent_at IS NULL",
                Timestamp.from(clock.instant()), person.id().value(), hash(token));
        if (spent == 0) {
            throw new ProposalRefused("proposals.claim.spent");
        }
        proposal.claim(person.id().value(), clock.instant());
        events.publishEvent(new ProposalClaimed(proposal.proposalId(), new org.agora.processes.ProcessId(proposal.processId()),
                person.id()));
        return proposal;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(long proposalId, Instant expiresAt, Instant spentAt) {
    }
}
