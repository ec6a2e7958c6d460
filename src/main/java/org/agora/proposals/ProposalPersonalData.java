package org.agora.proposals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's proposals (drafts included) and supports, for "download my data". Nothing is erased when the account is
 * deleted: proposals and supports are contributions, and their author then shows as a deleted participant.
 */
@Component
class ProposalPersonalData implements PersonalData {

    private final Proposals proposals;
    private final JdbcTemplate jdbc;

    ProposalPersonalData(Proposals proposals, JdbcTemplate jdbc) {
        this.proposals = proposals;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "proposals";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposals", proposals.findByAuthorIdOrderByCreatedAt(account.value()).stream()
                // what the person imported as staff was written by others: not their personal data
                .filter(proposal -> proposal.provenance() != Proposal.Provenance.IMPORTED).map(proposal -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("reference", proposal.reference());
            one.put("status", proposal.status().name());
            one.put("title", proposal.title());
            one.put("body", proposal.body());
            one.put("territoryId", proposal.territoryId());
            one.put("theme", proposal.theme());
            one.put("createdAt", proposal.createdAt().toString());
            one.put("publishedAt", proposal.publishedAt() == null ? null : proposal.publishedAt().toString());
            one.put("withdrawnAt", proposal.withdrawnAt() == null ? null : proposal.withdrawnAt().toString());
            return one;
        }).toList());
        List<Map<String, Object>> supports = jdbc.query("SELECT p.reference, s.created_at FROM proposal_support s "
                        + "JOIN proposal p ON p.id = s.proposal_id WHERE s.account_id = ? ORDER BY s.created_at",
                (rs, index) -> Map.of("proposal", rs.getString(1), "supportedAt",
                        rs.getTimestamp(2).toInstant().toString()), account.value());
        data.put("supports", supports);
        return data;
    }
}
