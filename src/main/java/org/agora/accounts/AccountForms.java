package org.agora.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the accounts forms bind to. Length and content rules of passwords are {@link PasswordPolicy}'s. */
final class AccountForms {

    static final String PSEUDONYM_PATTERN = "[\\p{L}\\p{N} _.'-]*";
    static final String EMAIL_PATTERN = "[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+";
    /** Ids, enums and check boxes arrive as text: a value that does not parse is a field error, never a failed binding. */
    static final String ID_PATTERN = "[0-9]{0,18}";
    static final String TICKED = "true";

    static Long id(String value) {
        return value == null || value.isBlank() ? null : Long.valueOf(value);
    }

    static boolean ticked(String value) {
        return TICKED.equals(value);
    }

    private AccountForms() {
    }

    record SignUpForm(
            @NotBlank(message = "{accounts.email.required}")
            @Size(max = 254, message = "{accounts.email.tooLong}")
            @Email(regexp = EMAIL_PATTERN, message = "{accounts.email.invalid}") String email,
            @NotBlank(message = "{accounts.pseudonym.required}")
            @Size(min = 3, max = 40, message = "{accounts.pseudonym.size}")
            @Pattern(regexp = PSEUDONYM_PATTERN, message = "{accounts.pseudonym.characters}") String pseudonym,
            @NotBlank(message = "{accounts.password.required}")
            @Size(max = 128, message = "{accounts.password.tooLong}") String password,
            @Size(max = 100, message = "{accounts.commune.tooLong}") String commune,
            @Pattern(regexp = ID_PATTERN, message = "{accounts.commune.unknown}") String communeId,
            @NotNull(message = "{accounts.terms.required}")
            @Pattern(regexp = TICKED, message = "{accounts.terms.required}") String acceptTerms) {

        static SignUpForm empty() {
            return new SignUpForm("", "", "", "", null, null);
        }
    }

    record EmailForm(
            @NotBlank(message = "{accounts.email.required}")
            @Size(max = 254, message = "{accounts.email.tooLong}")
            @Email(regexp = EMAIL_PATTERN, message = "{accounts.email.invalid}") String email) {
    }

    record ResetForm(
            @NotBlank(message = "{accounts.token.invalid}") @Size(max = 100, message = "{accounts.token.invalid}") String token,
            @NotBlank(message = "{accounts.password.required}")
            @Size(max = 128, message = "{accounts.password.tooLong}") String password) {
    }

    record ProfileForm(
            @NotBlank(message = "{accounts.pseudonym.required}")
            @Size(min = 3, max = 40, message = "{accounts.pseudonym.size}")
            @Pattern(regexp = PSEUDONYM_PATTERN, message = "{accounts.pseudonym.characters}") String pseudonym,
            @Size(max = 100, message = "{accounts.commune.tooLong}") String commune,
            @Pattern(regexp = ID_PATTERN, message = "{accounts.commune.unknown}") String communeId,
            @NotBlank(message = "{accounts.language.invalid}") @Pattern(regexp = "fr|en", message = "{accounts.language.invalid}") String language,
            @NotNull(message = "{accounts.frequency.invalid}")
            @Pattern(regexp = "IMMEDIATE|DAILY_DIGEST|NEVER", message = "{accounts.frequency.invalid}") String frequency,
            String notifyByEmail,
            String openDataName) {
    }

    record EmailChangeForm(
            @NotBlank(message = "{accounts.email.required}")
            @Size(max = 254, message = "{accounts.email.tooLong}")
            @Email(regexp = EMAIL_PATTERN, message = "{accounts.email.invalid}") String email,
            @Size(max = 128, message = "{accounts.password.tooLong}") String currentPassword) {
    }

    record PasswordChangeForm(
            @Size(max = 128, message = "{accounts.password.tooLong}") String currentPassword,
            @NotBlank(message = "{accounts.password.required}")
            @Size(max = 128, message = "{accounts.password.tooLong}") String newPassword) {
    }

    record DeleteForm(
            @Size(max = 128, message = "{accounts.password.tooLong}") String currentPassword,
            @NotNull(message = "{accounts.delete.confirmRequired}")
            @Pattern(regexp = TICKED, message = "{accounts.delete.confirmRequired}") String confirm) {
    }

    record GrantForm(
            @NotBlank(message = "{accounts.email.required}")
            @Size(max = 254, message = "{accounts.email.tooLong}")
            @Email(regexp = EMAIL_PATTERN, message = "{accounts.email.invalid}") String email,
            @NotBlank(message = "{accounts.roles.roleRequired}")
            @Pattern(regexp = "FACILITATOR|MODERATOR|STAFF|ADMINISTRATOR", message = "{accounts.roles.roleRequired}") String role,
            @Pattern(regexp = ID_PATTERN, message = "{accounts.roles.unknownScope}") String territoryId) {
    }
}
