package org.agora.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.agora.accountability.ProposalAnswered;
import org.agora.proposals.ProposalId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Remembers when each proposal's answer was published, for the edition suggestions. */
@Component
class AnsweredProposals {

    private final JdbcClient jdbc;

    AnsweredProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Synchronous, in the answering transaction: a second answer to the same proposal moves its date. */
    @EventListener
    void on(ProposalAnswered answered) {
        Timestamp at = Timestamp.from(answered.publishedAt() == null ? Instant.now() : answered.publishedAt());
        if (jdbc.sql("update newsletter_answered_proposal set answered_at = ? where proposal_id = ?")
                .params(at, answered.proposalId().value()).update() == 0) {
            jdbc.sql("insert into newsletter_answered_proposal (proposal_id, answered_at) values (?, ?)")
                    .params(answered.proposalId().value(), at).update();
        }
    }

    /** The proposals answered since {@code since}, the latest first. */
    List<ProposalId> since(Instant since, int limit) {
        return jdbc.sql("select proposal_id from newsletter_answered_proposal where answered_at >= ? order by answered_at desc fetch first "
                        + limit + " rows only")
                .param(Timestamp.from(since)).query(Long.class).list().stream().map(ProposalId::new).toList();
    }
}
