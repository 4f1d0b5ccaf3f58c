package com.scalecommerce.users.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

public record Account(
        UUID id,
        String email,
        Instant emailVerifiedAt,
        String passwordHash,
        String displayName,
        Set<Role> roles,
        AccountStatus status) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
