package org.agora.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.agora.accounts.AccountId;
import org.agora.accounts.PersonalData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What this module holds about a person for "download my data": choices, follows and notices (erased in FeatureEvents). */
@Component
class NotificationPersonalData implements PersonalData {

    private final Follows follows;
    private final Notices notices;
    private final NotificationPreferences preferences;

    NotificationPersonalData(Follows follows, Notices notices, NotificationPreferences preferences) {
        this.follows = follows;
        this.notices = notices;
        this.preferences = preferences;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    @Transactional(readOnly = true)
    public Object export(AccountId account) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("autoFollow", preferences.autoFollow(account));
        data.put("follows", follows.export(account));
        data.put("notices", notices.findAllByRecipient(account.value()).stream().map(notice -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", notice.kind().name());
            row.put("resource", notice.resource().toString());
            row.put("link", notice.linkPath());
            row.put("title", notice.title());
            row.put("createdAt", notice.createdAt().toString());
            row.put("readAt", notice.readAt() == null ? null : notice.readAt().toString());
            row.put("mailedAt", notice.mailedAt() == null ? null : notice.mailedAt().toString());
            return row;
        }).toList());
        return data;
    }
}
