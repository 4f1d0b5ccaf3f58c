package com.scalecommerce.users.account;

import java.util.Locale;

/** One spelling per mailbox, so "  Ann@Example.COM" and "ann@example.com" are the same account. */
public final class EmailAddress {

    private EmailAddress() {}

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
