package com.scalecommerce.users.password;

import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OWASP ASVS 5 level 2: at least 8 characters, at least 64 accepted, no composition rules, and none of
 * the passwords attackers try first. The upper bound only limits hashing cost; nothing is ever truncated.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private static final String COMMON_PASSWORDS = "/password/common-passwords.txt";

    private final Set<String> commonPasswords = loadCommonPasswords();

    /** Throws a VALIDATION_FAILED problem naming {@code field} when the password is not acceptable. */
    public void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalidField(field, "must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ProblemException.invalidField(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (isCommon(password)) {
            throw ProblemException.invalidField(field, "is too common: choose a password that is harder to guess");
        }
    }

    boolean isCommon(String password) {
        return commonPasswords.contains(password.toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> loadCommonPasswords() {
        var stream = Objects.requireNonNull(
                PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS), COMMON_PASSWORDS + " is missing");
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
