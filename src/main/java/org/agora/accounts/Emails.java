package org.agora.accounts;

import java.util.Locale;

final class Emails {

    private Emails() {
    }

    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
