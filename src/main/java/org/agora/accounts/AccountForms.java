package org.agora.accounts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the accounts forms bind to. Length and content rules of passwords are {@link PasswordPolicy}'s. */
final class AccountForms {

    static final String PSEUDONYM_PATTERN = "[\\p{L}\\p{N} _.'-]*";
    static final String EMAIL_PATTERN = "[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+";

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
            Long communeId,
            @NotNull(message = "{accounts.terms.required}")
            @AssertTrue(message = "{accounts.terms.required}") Boolean acceptTerms) {

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
            Long communeId,
            @NotBlank(message = "{accounts.language.invalid}") @Pattern(regexp = "fr|en", message = "{accounts.language.invalid}") String language,
            @NotNull(message = "{accounts.frequency.invalid}") NotificationFrequency frequency,
            Boolean notifyByEmail) {
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
            @AssertTrue(message = "{accounts.delete.confirmRequired}") Boolean confirm) {
    }

    record GrantForm(
            @NotBlank(message = "{accounts.email.required}")
            @Size(max = 254, message = "{accounts.email.tooLong}")
            @Email(regexp = EMAIL_PATTERN, message = "{accounts.email.invalid}") String email,
            @NotNull(message = "{accounts.roles.roleRequired}") Role role,
            Long territoryId) {
    }
}
