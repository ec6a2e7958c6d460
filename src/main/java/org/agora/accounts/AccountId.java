package org.agora.accounts;

/** Identifies an account; other modules refer to people only through it. */
public record AccountId(long value) implements java.io.Serializable {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("An account id is positive");
        }
    }
}
