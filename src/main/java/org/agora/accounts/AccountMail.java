package org.agora.accounts;

/**
 * Events that ask for a mail to a person, published inside the transaction that causes them; the notifications
 * module writes each to its outbox in that same transaction. {@code link} is absolute and single use.
 */
public sealed interface AccountMail {

    String email();

    String pseudonym();

    /** The recipient's language: "fr" or "en". */
    String language();

    /** Sent at sign-up and on request: the link confirms the address (valid 48 hours). */
    record ConfirmationRequested(AccountId account, String email, String pseudonym, String language, String link)
            implements AccountMail {}

    /** Someone signed up with an address that already has an account: its owner is told, nobody else learns it. */
    record SignUpWithExistingEmail(AccountId account, String email, String pseudonym, String language, String resetLink)
            implements AccountMail {}

    /** The link sets a new password (valid 1 hour, single use). */
    record PasswordResetRequested(AccountId account, String email, String pseudonym, String language, String link)
            implements AccountMail {}

    /** Sent to the new address: the link confirms the change (valid 48 hours). */
    record EmailChangeRequested(AccountId account, String email, String pseudonym, String language, String link)
            implements AccountMail {}

    /** A security notice after the password was changed or reset. */
    record PasswordChanged(AccountId account, String email, String pseudonym, String language)
            implements AccountMail {}
}
