package com.scalecommerce.users.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as administrators see it. Never the password hash. */
public record AdminUser(
        UUID id,
        String email,
        boolean emailVerified,
        String name,
        String phone,
        boolean marketingConsent,
        List<String> roles,
        String status,
        Instant createdAt,
        Instant updatedAt) {}
