package org.agora.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agora.accounts.AccountDeleted;
import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "newsletter" section of a person's data export: the subscription linked to their account and its consent.
 * Deleting the account only unlinks it: the subscription is a consent given by the address, which the person may
 * keep without an account and ends with its own unsubscribe link.
 */
@Component
class NewsletterPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NewsletterPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "newsletter";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        List<Map<String, Object>> subscriptions = jdbc.sql("""
                        select email, status, themes, territories, consent_at, consent_text_version, consent_source,
                               confirmed_at, unsubscribed_at, unsubscribe_reason
                        from newsletter_subscriber where account_id = ?""")
                .param(account.value()).query((row, n) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("email", row.getString("email"));
                    values.put("status", row.getString("status"));
                    values.put("themes", row.getString("themes"));
                    values.put("territories", row.getString("territories"));
                    values.put("consentAt", String.valueOf(row.getTimestamp("consent_at").toInstant()));
                    values.put("consentTextVersion", row.getString("consent_text_version"));
                    values.put("consentSource", row.getString("consent_source"));
                    values.put("confirmedAt", row.getTimestamp("confirmed_at") == null ? null
                            : row.getTimestamp("confirmed_at").toInstant().toString());
                    values.put("unsubscribedAt", row.getTimestamp("unsubscribed_at") == null ? null
                            : row.getTimestamp("unsubscribed_at").toInstant().toString());
                    values.put("unsubscribeReason", row.getString("unsubscribe_reason"));
                    return values;
                }).list();
        return Map.of("subscriptions", subscriptions);
    }

    /** In the deleting transaction, like the other modules' erasure. */
    @EventListener
    void on(AccountDeleted event) {
        jdbc.sql("update newsletter_subscriber set account_id = null where account_id = ?")
                .param(event.account().value()).update();
    }
}
