package org.agora.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, at most 128, and not a well-known password: not in the common list, not a common word
 * padded with digits or symbols, not one repeated character or keyboard run, not the person's pseudonym or address.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String RUNS = "abcdefghijklmnopqrstuvwxyz 0123456789 azertyuiop qwertyuiop qsdfghjklm asdfghjkl wxcvbn zxcvbnm";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The message key of what is wrong, or empty when the password is acceptable. */
    Optional<String> check(String password, String pseudonym, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("accounts.password.required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("accounts.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("accounts.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (common.contains(lower) || (core.length() >= 4 && common.contains(core)) || isRunOrRepeat(lower)) {
            return Optional.of("accounts.password.common");
        }
        if (contains(lower, pseudonym) || (email != null && contains(lower, email.split("@")[0]))) {
            return Optional.of("accounts.password.personal");
        }
        return Optional.empty();
    }

    private static boolean contains(String password, String personal) {
        return personal != null && personal.strip().length() >= 4
                && password.contains(personal.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isRunOrRepeat(String password) {
        if (password.chars().distinct().count() <= 2) {
            return true;
        }
        String core = password.replaceAll("[^\\p{Alnum}]", "");
        return core.length() >= 6 && (RUNS.contains(core) || new StringBuilder(RUNS).reverse().toString().contains(core)
                || isCountingRun(core));
    }

    /** "123456789012", "987654321098": each character one step from the previous one, digits wrapping round. */
    private static boolean isCountingRun(String core) {
        int steps = 0;
        for (int i = 1; i < core.length(); i++) {
            int step = core.charAt(i) - core.charAt(i - 1);
            if (Math.abs(step) == 1 || (Character.isDigit(core.charAt(i)) && Math.abs(step) == 9)) {
                steps++;
            }
        }
        return steps >= core.length() - 2;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
