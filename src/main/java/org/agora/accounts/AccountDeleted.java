package org.agora.accounts;

/** A person deleted their account; modules holding personal data about them erase it, contributions stay. */
public record AccountDeleted(AccountId account) {
}
