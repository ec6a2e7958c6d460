package org.agora.accounts;

import java.util.Arrays;
import java.util.Optional;

/** What a personal access token allows a partner application to do on its owner's behalf. */
public enum TokenScope {
    PROPOSALS_WRITE("proposals:write"),
    SUPPORTS_WRITE("supports:write"),
    COMMENTS_WRITE("comments:write"),
    REGISTRATIONS_WRITE("registrations:write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    /** The scope as written in documentation, forms and problem details, e.g. {@code supports:write}. */
    public String value() {
        return value;
    }

    public static Optional<TokenScope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
