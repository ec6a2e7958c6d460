package org.agora.proposals;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional
class ProposalAnswerMarks implements ProposalAnswering {

    private final JdbcTemplate jdbc;

    ProposalAnswerMarks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void markAnswered(ProposalId id, Instant when) {
        jdbc.update("UPDATE proposal SET answered_at = COALESCE(answered_at, ?) WHERE id = ?", Timestamp.from(when), id.value());
    }
}
