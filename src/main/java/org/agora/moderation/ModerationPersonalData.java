package org.agora.moderation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "moderation" section of a person's data export: the reports they made and whether they are blocked. When the
 * account is deleted, the free text of their reports and their block are erased; the reports still count, and the
 * action log keeps what moderators did.
 */
@Component
class ModerationPersonalData implements PersonalData {

    private final ModerationCases cases;
    private final JdbcTemplate jdbc;

    ModerationPersonalData(ModerationCases cases, JdbcTemplate jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "moderation";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("reports", cases.reportsBy(account));
        section.put("blocks", jdbc.query("SELECT reason, blocked_at FROM participant_block WHERE account_id = ?",
                (rs, index) -> Map.of("reason", rs.getString(1), "blockedAt", rs.getTimestamp(2).toInstant().toString()),
                account.value()));
        return section;
    }

    /** In the deleting transaction, like the other modules' erasure. */
    @EventListener
    void on(AccountDeleted event) {
        cases.eraseNotesOf(event.account());
        jdbc.update("DELETE FROM participant_block WHERE account_id = ?", event.account().value());
    }
}
