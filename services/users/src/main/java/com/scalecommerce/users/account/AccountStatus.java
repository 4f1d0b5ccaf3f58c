package com.scalecommerce.users.account;

public enum AccountStatus {
    ACTIVE,
    DISABLED,
    /** Kept only until the deletion feature scrubs it; behaves as if there were no account. */
    DELETED
}
