package org.agora.meetings;

/** Who registers: an account (name and e-mail taken from it) or a guest (accountId null). */
record Registrant(Long accountId, String name, String email, String language) {
}
