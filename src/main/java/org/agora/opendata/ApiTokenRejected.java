package org.agora.opendata;

import org.agora.accounts.TokenScope;

/**
 * The request carries no usable personal access token (401) or one without the scope the operation needs (403).
 * Nothing was done.
 */
class ApiTokenRejected extends RuntimeException {

    enum Reason { MISSING, INVALID, INSUFFICIENT_SCOPE }

    private final Reason reason;
    private final TokenScope needed;

    ApiTokenRejected(Reason reason, TokenScope needed) {
        super(reason + " " + needed.value(), null, false, false);
        this.reason = reason;
        this.needed = needed;
    }

    Reason reason() { return reason; }
    TokenScope needed() { return needed; }
}
