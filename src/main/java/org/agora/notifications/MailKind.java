package org.agora.notifications;

/** What a mail is about; {@link #key} names its templates' message keys (notifications.mail.&lt;key&gt;.*). */
enum MailKind {
    CONFIRMATION("confirmation"),
    SIGN_UP_WITH_EXISTING_EMAIL("existingAccount"),
    PASSWORD_RESET("passwordReset"),
    EMAIL_CHANGE("emailChange"),
    PASSWORD_CHANGED("passwordChanged"),
    NOTICE("notice"),
    DIGEST("digest"),
    /** Worded by a feature (MailRequested): this module renders nothing for it. */
    FEATURE("feature");

    final String key;

    MailKind(String key) {
        this.key = key;
    }
}
